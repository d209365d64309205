using System.Globalization;
using System.Text.RegularExpressions;
using Compose2Ecs.Core.Compose.Model;

namespace Compose2Ecs.Core.Ecs.Planning;

/// <summary>
/// Recognises a healthcheck that is an HTTP GET against the container itself
/// (<c>curl -f http://localhost:8080/health</c>, <c>wget --spider http://127.0.0.1/ping</c>),
/// so the load balancer can check the same path.
/// </summary>
public static partial class HttpProbe
{
    /// <summary>The port and path the healthcheck GETs; null when it is not such a request.</summary>
    public static (int Port, string Path)? Find(Healthcheck? check)
    {
        if (check is null || check.Disable || check.Test.Length < 2 || check.Test[0] is not ("CMD" or "CMD-SHELL"))
        {
            return null;
        }

        var command = string.Join(' ', check.Test.Skip(1));
        var match = Request().Match(command);
        if (!match.Success || NotGet().IsMatch(match.Value))
        {
            return null;
        }

        var port = match.Groups["port"].Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture)
            : match.Groups["scheme"].Value == "https" ? 443 : 80;
        var path = match.Groups["path"].Success ? match.Groups["path"].Value : "/";
        return (port, path);
    }

    [GeneratedRegex(@"\b(curl|wget)\b[^|;&]*?\b(?<scheme>https?)://(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:(?<port>\d{1,5}))?(?<path>/[^\s'""|;&]*)?")]
    private static partial Regex Request();

    [GeneratedRegex(@"(-X|--request)\s*(POST|PUT|DELETE|PATCH)|--data\b|-d\s|--post-data")]
    private static partial Regex NotGet();
}
