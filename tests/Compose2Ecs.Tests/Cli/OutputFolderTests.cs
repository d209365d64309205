using System.Security.Cryptography;
using System.Text;
using Compose2Ecs.Core.Ecs.Output;
using Compose2Ecs.Testing;

namespace Compose2Ecs.Cli.Tests;

/// <summary>
/// spec §8: <c>synth -o DIR</c> writes only to a new or empty folder or one holding an assembly
/// compose2ecs wrote (its marker file). Refusals happen before any work, so these run no CDK.
/// </summary>
public class OutputFolderTests
{
    private const string Compose = "name: shop\nservices:\n  web:\n    image: nginx\n";

    /// <summary>Every path, size, content hash under a folder: equal before and after means nothing changed.</summary>
    public static string Hash(string root)
    {
        var text = new StringBuilder();
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            text.Append(Path.GetRelativePath(root, entry));
            if (File.Exists(entry))
            {
                text.Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry))));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void AssertRefused(TempDir dir, string code, string cwd, params string[] args)
    {
        var before = Hash(dir.Path);
        var result = CliRunner.Run(cwd, ["synth", .. args]);
        Assert.Equal(1, result.ExitCode);
        // Progress lines (no terminal here) may come first; the refusal is a line of its own.
        Assert.Matches("(?m)^error: -o .*\\[" + code + "\\]$", result.Error);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Hash(dir.Path));
    }

    [Fact]
    public void The_project_folder_is_refused()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("README.md", "mine");
        AssertRefused(dir, OutputDiagnosticCodes.HoldsInputs, dir.Path, "-o", ".");
    }

    [Fact]
    public void A_parent_of_the_project_is_refused()
    {
        using var dir = new TempDir().With("repo/app/compose.yaml", Compose).With("repo/.git/HEAD", "ref: main");
        AssertRefused(dir, OutputDiagnosticCodes.HoldsInputs, dir.Sub("repo/app"), "-o", "..");
    }

    [Fact]
    public void The_inputs_folder_is_refused_from_elsewhere()
    {
        using var dir = new TempDir().With("app/compose.yaml", Compose).With("work/notes.txt", "x");
        AssertRefused(dir, OutputDiagnosticCodes.HoldsInputs, dir.Sub("work"), "-f", "../app/compose.yaml", "-o", "../app");
    }

    [Fact]
    public void A_folder_with_an_unrelated_file_is_refused()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("out/keep.txt", "mine");
        AssertRefused(dir, OutputDiagnosticCodes.NotOurs, dir.Path, "-o", "out");
    }

    [Fact]
    public void A_regular_file_is_refused()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("out", "a file");
        AssertRefused(dir, OutputDiagnosticCodes.IsAFile, dir.Path, "-o", "out");
    }

    [Fact]
    public void A_file_where_a_parent_folder_should_be_is_refused()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("out", "a file");
        AssertRefused(dir, OutputDiagnosticCodes.ParentIsAFile, dir.Path, "-o", "out/cdk.out");
    }

    [Fact]
    public void The_root_folder_is_refused()
    {
        using var dir = new TempDir().With("compose.yaml", Compose);
        var root = string.Join('\n', Directory.EnumerateFileSystemEntries("/").Order(StringComparer.Ordinal));
        AssertRefused(dir, OutputDiagnosticCodes.RootFolder, dir.Path, "-o", "/");
        Assert.Equal(root, string.Join('\n', Directory.EnumerateFileSystemEntries("/").Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_link_to_the_project_is_refused()
    {
        using var dir = new TempDir().With("app/compose.yaml", Compose);
        Directory.CreateSymbolicLink(dir.Sub("out"), dir.Sub("app"));
        AssertRefused(dir, OutputDiagnosticCodes.HoldsInputs, dir.Sub("app"), "-o", "../out");
    }

    [Fact]
    public void Replace_deletes_nothing_without_the_marker()
    {
        using var dir = new TempDir().With("out/keep.txt", "mine");
        var before = Hash(dir.Path);
        Assert.Throws<OutputRefusedException>(() => OutputDirectory.Replace(dir.Sub("out"), staging => File.WriteAllText(Path.Combine(staging, "t.json"), "{}")));
        Assert.Equal(before, Hash(dir.Path));
    }

    [Fact]
    public void An_earlier_assembly_is_replaced_whole()
    {
        using var dir = new TempDir().With("out/old.template.json", "{}").With($"out/{AssemblyMarker.FileName}", AssemblyMarker.Content);
        OutputDirectory.Replace(dir.Sub("out"), staging => File.WriteAllText(Path.Combine(staging, "new.template.json"), "{}"));
        Assert.Equal([AssemblyMarker.FileName, "new.template.json"], Directory.GetFileSystemEntries(dir.Sub("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_that_cannot_be_renamed_is_replaced_in_place()
    {
        // A mount point: renaming it fails with EBUSY, so its contents are replaced instead.
        using var dir = new TempDir().With("out/old.template.json", "{}").With($"out/{AssemblyMarker.FileName}", AssemblyMarker.Content).With("out/sub/x", "1");
        var target = dir.Sub("out");
        void Move(string from, string to)
        {
            if (from == target)
            {
                throw new IOException("Device or resource busy");
            }

            Directory.Move(from, to);
        }

        OutputDirectory.Replace(target, staging =>
        {
            File.WriteAllText(Path.Combine(staging, "new.template.json"), "{}");
            Directory.CreateDirectory(Path.Combine(staging, "assets"));
        }, Move);
        Assert.Equal([AssemblyMarker.FileName, "assets", "new.template.json"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_fill_leaves_the_earlier_assembly_and_no_staging()
    {
        using var dir = new TempDir().With("out/old.template.json", "{}").With($"out/{AssemblyMarker.FileName}", AssemblyMarker.Content);
        var before = Hash(dir.Path);
        Assert.Throws<InvalidOperationException>(() => OutputDirectory.Replace(dir.Sub("out"), _ => throw new InvalidOperationException("boom")));
        Assert.Equal(before, Hash(dir.Path));
    }

    [Fact]
    public void Migrate_to_a_folder_or_a_missing_parent_is_a_plain_error()
    {
        using var dir = new TempDir().With("compose.yaml", Compose).With("folder/x", "1");
        foreach (var target in new[] { "folder", "missing/parent/compose.yaml" })
        {
            var result = CliRunner.Run(dir.Path, "migrate", "-f", Path.Combine(Paths.Example("appmesh-migration"), "composex.yaml"), "-o", target);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(result.Error.Split('\n'), l => l.Contains("error: -o ", StringComparison.Ordinal));
            Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        }
    }
}
