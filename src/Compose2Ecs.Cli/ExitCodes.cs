namespace Compose2Ecs.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input (compose files, x-mesh) is invalid. Nothing was written.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is wrong: unknown option, missing value.</summary>
    public const int Usage = 2;

    /// <summary>A bug in compose2ecs.</summary>
    public const int Internal = 3;

    /// <summary>
    /// Standard output's reader went away (<c>| head</c>): 128 + SIGPIPE, the status a shell shows
    /// for docker compose or git ended the same way. Nothing more is printed.
    /// </summary>
    public const int OutputClosed = 141;
}
