using System.Diagnostics;
using System.Text;
using Compose2Ecs.Core.Mesh.Addresses;

namespace Compose2Ecs.Core.Tests.Mesh;

/// <summary>
/// The address finder runs its URL regex only in the window around each <c>://</c>: the same
/// matches as the regex over the whole value, without its quadratic cost on long values.
/// </summary>
public sealed class UrlAuthorityWindowTests
{
    [Theory]
    [InlineData("http://api:8080/v1")]
    [InlineData("postgres://u:p@db:5432/x and redis://cache:6379")]
    [InlineData("jdbc:postgresql://db:5432/app")]
    [InlineData("1abc://x a://b:c://d ://e")]
    [InlineData("a://b@c@d,e:1?q=http://f:2#x")]
    [InlineData("x:1:y://h\u2028z://k")]
    public void Written_values_match_as_the_whole_value_regex_matches(string value) =>
        Assert.Equal(Regex(value), Windowed(value));

    [Fact]
    public void Generated_values_match_as_the_whole_value_regex_matches()
    {
        // Values built from the characters the regex decides on, so every branch is taken.
        const string alphabet = "ab1:/@,?# .-+";
        var random = new Random(13);
        for (var n = 0; n < 20_000; n++)
        {
            var value = new StringBuilder();
            var length = random.Next(1, 24);
            for (var i = 0; i < length; i++)
            {
                value.Append(random.Next(6) == 0 ? "://" : alphabet[random.Next(alphabet.Length)].ToString());
            }

            Assert.Equal(Regex(value.ToString()), Windowed(value.ToString()));
        }
    }

    [Theory]
    [InlineData("x", "://host", "host")]
    [InlineData("1:", "a://host", "host")]
    [InlineData("x", ":/host", null)]
    [InlineData("a1", " ://host", null)]
    public void A_long_value_is_read_in_linear_time(string unit, string end, string? hosts)
    {
        // The whole-value regex needs minutes on these: every start position runs to the end.
        var value = string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length)) + end;
        var clock = Stopwatch.StartNew();
        var matches = EnvironmentAddressFinder.UrlAuthorities(value).Select(m => m.Groups["hosts"].Value).ToList();
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(hosts is null ? [] : [hosts], matches);
    }

    private static List<(int, int, string, string)> Regex(string value) =>
        [.. EnvironmentAddressFinder.UrlAuthority().Matches(value).Select(Key)];

    private static List<(int, int, string, string)> Windowed(string value) =>
        [.. EnvironmentAddressFinder.UrlAuthorities(value).Select(Key)];

    private static (int, int, string, string) Key(System.Text.RegularExpressions.Match m) =>
        (m.Index, m.Length, m.Groups["scheme"].Value, m.Groups["hosts"].Value);
}
