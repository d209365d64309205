using Compose2Ecs.Core.Compose.Stages;
using Compose2Ecs.Core.Diagnostics;

namespace Compose2Ecs.Core.Tests.Compose;

public class InterpolatorTests
{
    private static readonly SourceLocation At = new("compose.yaml", 4, 7);

    private static (string? Result, DiagnosticBag Diagnostics) Run(string text, params (string Key, string Value)[] variables)
    {
        var bag = new DiagnosticBag();
        var interpolator = new Interpolator(variables.ToDictionary(v => v.Key, v => v.Value), bag);
        return (interpolator.Substitute(text, At), bag);
    }

    [Theory]
    // compose-go's own cases, with BAR set to the empty string.
    [InlineData("${BAR-def}", "")]
    [InlineData("${BAR:-def}", "def")]
    [InlineData("${BAR+x}", "x")]
    [InlineData("${BAR:+x}", "")]
    [InlineData("$${foo}", "${foo}")]
    [InlineData("$$", "$")]
    [InlineData("${UNSET-def}", "def")]
    [InlineData("${UNSET:-def}", "def")]
    [InlineData("${UNSET+x}", "")]
    [InlineData("${FOO}", "foo")]
    [InlineData("$FOO", "foo")]
    [InlineData("$FOO/bar", "foo/bar")]
    [InlineData("${FOO:-x}", "foo")]
    [InlineData("${FOO:+alt}", "alt")]
    [InlineData("${UNSET:-${FOO}}", "foo")]
    [InlineData("${UNSET:-${ALSO_UNSET:-deep}}", "deep")]
    [InlineData("a $ b", "a $ b")]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("${FOO}${FOO}", "foofoo")]
    [InlineData("${UNSET:-a:b}", "a:b")]
    // Braces inside a default are counted (compose-go's getFirstBraceClosingIndex): a JSON default.
    [InlineData("ok ${UNSET:-{\"json\":1}}", "ok {\"json\":1}")]
    [InlineData("ok ${UNSET-{\"a\":{\"b\":1}}}", "ok {\"a\":{\"b\":1}}")]
    [InlineData("${FOO:-{\"json\":1}}", "foo")]
    public void Substitutes_like_compose_go(string input, string expected)
    {
        var (result, diagnostics) = Run(input, ("BAR", ""), ("FOO", "foo"));
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("${")]
    [InlineData("${}")]
    [InlineData("${ foo}")]
    [InlineData("${FOO")]
    [InlineData("${FOO!x}")]
    [InlineData("${FOO:-unclosed")]
    public void Malformed_forms_are_errors_at_the_value(string input)
    {
        var (result, diagnostics) = Run(input, ("FOO", "foo"));
        Assert.Null(result);
        var error = Assert.Single(diagnostics.Errors);
        Assert.Equal(At, error.Location);
        Assert.Contains("invalid interpolation format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_variable_errors_carry_the_message()
    {
        var (result, diagnostics) = Run("${DB_PASSWORD:?set the database password}", ("DB_PASSWORD", ""));
        Assert.Null(result);
        var error = Assert.Single(diagnostics.Errors);
        Assert.Contains("DB_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.Contains("set the database password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_without_colon_accepts_an_empty_value()
    {
        var (result, diagnostics) = Run("${BAR?must be set}", ("BAR", ""));
        Assert.False(diagnostics.HasErrors);
        Assert.Equal("", result);
    }

    [Fact]
    public void An_unset_variable_warns_once_and_becomes_empty()
    {
        var bag = new DiagnosticBag();
        var interpolator = new Interpolator(new Dictionary<string, string>(), bag);
        Assert.Equal("a-", interpolator.Substitute("a-${NOPE}", At));
        Assert.Equal("", interpolator.Substitute("$NOPE", At));
        var warning = Assert.Single(bag.Warnings);
        Assert.Contains("NOPE", warning.Message, StringComparison.Ordinal);
    }
}
