"use strict";
// compose2ecs never creates the AWS CLI v1 Lambda layer; the real package's exports would point at an asset
// that is not shipped, so reading one fails with a message instead of a missing file.
function notShipped() {
  throw new Error("compose2ecs does not ship @aws-cdk/asset-awscli-v1 (the AWS CLI v1 Lambda layer); build with the real Amazon.CDK.Asset.AwsCliV1 package to use it");
}
Object.defineProperty(exports, "__esModule", { value: true });
Object.defineProperty(exports, "ASSET_FILE", { enumerable: true, get: notShipped });
Object.defineProperty(exports, "LAYER_SOURCE_DIR", { enumerable: true, get: notShipped });
