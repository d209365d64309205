using System.Globalization;
using System.Text.RegularExpressions;

namespace Compose2Ecs.Core.Yaml;

public enum ScalarType
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

/// <summary>
/// The YAML 1.2 core schema, which Compose uses: <c>80:80</c> is a string (YAML 1.1 would
/// read it as base-60), <c>yes</c> is a string, <c>0x1F</c> and <c>0o17</c> are ints.
/// </summary>
public static partial class CoreSchema
{
    public static ScalarType Resolve(string plain)
    {
        switch (plain)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarType.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarType.Bool;
        }

        if (IntPattern().IsMatch(plain))
        {
            return ScalarType.Int;
        }

        return FloatPattern().IsMatch(plain) ? ScalarType.Float : ScalarType.String;
    }

    public static bool TryGetBool(string plain, out bool value)
    {
        value = plain is "true" or "True" or "TRUE";
        return value || plain is "false" or "False" or "FALSE";
    }

    public static bool TryGetInt(string plain, out long value)
    {
        value = 0;
        if (plain.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(plain.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (plain.StartsWith("0o", StringComparison.Ordinal))
        {
            try
            {
                value = Convert.ToInt64(plain[2..], 8);
                return true;
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }

        return IntPattern().IsMatch(plain)
            && long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryGetFloat(string plain, out double value)
    {
        if (TryGetInt(plain, out var asInt))
        {
            value = asInt;
            return true;
        }

        return double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && FloatPattern().IsMatch(plain);
    }

    /// <summary>Invariant, shortest round-trip form: never a decimal comma, whatever the culture.</summary>
    public static string FormatFloat(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)$")]
    private static partial Regex FloatPattern();
}
