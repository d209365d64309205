using Compose2Ecs.Core.Compose.Model;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Mesh.Addresses;

namespace Compose2Ecs.Mesh.Tests;

/// <summary>The addresses an environment value names (spec §2, "The names apps use").</summary>
public sealed class EnvironmentAddressFinderTests
{
    private static readonly KnownAddressNames Names = new(["api", "db", "redis", "kafka1", "kafka2", "catalog-route"], "shop.local");

    private static readonly SourceLocation At = new("compose.yaml", 7, 9);

    private static IReadOnlyList<EnvironmentAddress> Find(string value) =>
        EnvironmentAddressFinder.Find([new EnvironmentVariable("X", value, At)], Names);

    /// <summary>Each address as "host[:port]@span/form/scheme", and the span's text, so a test shows both at once.</summary>
    private static string[] Describe(string value) =>
        [.. Find(value).Select(a => $"{a.Name}|{a.Host}|{a.Port?.ToString() ?? "-"}|{a.Form}|{a.Scheme ?? "-"}|{value.Substring(a.Start, a.Length)}")];

    [Fact]
    public void A_url_with_a_path_names_its_host_and_port()
    {
        Assert.Equal(["api|api|8080|Short|http|api:8080"], Describe("http://api:8080/v1/items?x=1"));
    }

    [Fact]
    public void A_url_without_a_port_names_its_host_and_no_port()
    {
        Assert.Equal(["api|api|-|Short|https|api"], Describe("https://api/health"));
    }

    [Fact]
    public void Credentials_are_skipped_and_the_span_covers_only_host_and_port()
    {
        const string value = "postgres://u:p@db:5432/x";
        var address = Assert.Single(Find(value));

        Assert.Equal(("db", 5432, "postgres"), (address.Host, address.Port, address.Scheme));
        Assert.Equal(value.IndexOf("db:", StringComparison.Ordinal), address.Start);
        Assert.Equal("db:5432".Length, address.Length);
    }

    [Fact]
    public void A_user_and_password_that_look_like_a_host_and_port_are_not_an_address()
    {
        Assert.Equal(["db|db|5432|Short|postgres|db:5432"], Describe("postgres://api:1234@db:5432/x"));
    }

    [Fact]
    public void A_password_holding_colons_and_at_signs_is_skipped()
    {
        Assert.Equal(["redis|redis|6379|Short|redis|redis:6379"], Describe("redis://:p@ss:w@rd@redis:6379/0"));
    }

    [Fact]
    public void A_compound_scheme_is_the_scheme()
    {
        Assert.Equal(["db|db|5432|Short|jdbc:postgresql|db:5432"], Describe("jdbc:postgresql://db:5432/app"));
    }

    [Fact]
    public void Several_hosts_in_one_value_are_each_an_address()
    {
        Assert.Equal(
            ["kafka1|kafka1|9092|Short|-|kafka1:9092", "kafka2|kafka2|9092|Short|-|kafka2:9092"],
            Describe("kafka1:9092,kafka2:9092"));
    }

    [Fact]
    public void Several_hosts_in_one_url_authority_are_each_an_address()
    {
        Assert.Equal(
            ["kafka1|kafka1|9092|Short|kafka|kafka1:9092", "kafka2|kafka2|-|Short|kafka|kafka2"],
            Describe("kafka://kafka1:9092,kafka2/topic"));
    }

    [Fact]
    public void Only_the_known_hosts_of_a_list_are_addresses()
    {
        Assert.Equal(["db|db|5432|Short|-|db:5432"], Describe("other:1234 db:5432 ; elsewhere:1"));
    }

    [Fact]
    public void A_host_port_pair_is_an_address()
    {
        Assert.Equal(["db|db|5432|Short|-|db:5432"], Describe("db:5432"));
    }

    [Fact]
    public void A_host_port_pair_with_a_path_is_an_address()
    {
        Assert.Equal(["api|api|8080|Short|-|api:8080"], Describe("api:8080/v1"));
    }

    [Fact]
    public void The_whole_value_being_the_name_is_an_address_without_port()
    {
        Assert.Equal(["redis|redis|-|Short|-|redis"], Describe("redis"));
    }

    [Fact]
    public void The_long_form_is_recognised_in_every_position()
    {
        Assert.Equal(["api|api.shop.local|-|Long|-|api.shop.local"], Describe("api.shop.local"));
        Assert.Equal(["api|api.shop.local|8080|Long|-|api.shop.local:8080"], Describe("api.shop.local:8080"));
        Assert.Equal(["db|db.shop.local|5432|Long|postgres|db.shop.local:5432"], Describe("postgres://u:p@db.shop.local:5432/x"));
    }

    [Fact]
    public void Names_match_whatever_their_case_and_report_the_mesh_spelling()
    {
        Assert.Equal(["api|API|8080|Short|http|API:8080"], Describe("http://API:8080"));
    }

    [Fact]
    public void Route_names_are_names_like_services()
    {
        Assert.Equal(["catalog-route|catalog-route|9000|Short|grpc|catalog-route:9000"], Describe("grpc://catalog-route:9000"));
    }

    [Theory]
    [InlineData("mydb")]
    [InlineData("db_name")]
    [InlineData("api-key")]
    [InlineData("mydb:5432")]
    [InlineData("db_name:5432")]
    [InlineData("api-key:8080")]
    [InlineData("db.example.com")]
    [InlineData("db.example.com:5432")]
    [InlineData("http://db.example.com:5432")]
    [InlineData("http://mydb:5432")]
    [InlineData("the db is down")]
    [InlineData("db api")]
    [InlineData("db,redis")]
    [InlineData("http://example.com/db")]
    [InlineData("http://example.com/api:8080")]
    [InlineData("db:port")]
    [InlineData("db:99999")]
    [InlineData("db:5432x")]
    [InlineData("api:1234@example.com")]
    [InlineData("api.shop.localhost:80")]
    [InlineData("shop.local")]
    [InlineData("")]
    public void A_value_that_merely_contains_a_name_is_not_an_address(string value) =>
        Assert.Empty(Find(value));

    [Fact]
    public void A_variable_without_value_is_skipped()
    {
        Assert.Empty(EnvironmentAddressFinder.Find([new EnvironmentVariable("X", null, At)], Names));
    }

    [Fact]
    public void Each_address_carries_its_variable_and_its_location_in_environment_order()
    {
        var found = EnvironmentAddressFinder.Find(
            [
                new EnvironmentVariable("B_URL", "http://api:8080", At),
                new EnvironmentVariable("A_HOST", "db", new SourceLocation("compose.yaml", 8, 9)),
            ],
            Names);

        Assert.Equal([("B_URL", At, "api"), ("A_HOST", new SourceLocation("compose.yaml", 8, 9), "db")], found.Select(a => (a.Variable, a.Location, a.Name)));
    }
}
