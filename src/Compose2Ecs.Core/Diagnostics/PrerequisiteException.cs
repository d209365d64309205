namespace Compose2Ecs.Core.Diagnostics;

/// <summary>
/// Something the machine lacks (Node.js for the CDK, say), not a fault of the input or a bug.
/// The message says what is missing and how to get it.
/// </summary>
public sealed class PrerequisiteException(string message) : Exception(message);
