namespace Amazon.CDK.Asset.KubectlV20.Internal.DependencyResolution;

/// <summary>The type Amazon.CDK.Lib's own anchor names, so that it references this assembly; never used otherwise.</summary>
public sealed class Anchor;
