using System.Text;

namespace Compose2Ecs.Core.Mesh;

/// <summary>
/// The rule for Consul local bind ports that are not written (the assignment itself happens
/// in the reader, once): an upstream's preferred port is <c>20100 + (FNV-1a-32(name) mod 9900)</c>,
/// so it depends on the upstream's name only — adding or removing another upstream does not
/// move it, and a service or route is at the same local port in every caller.
/// </summary>
public static class LocalPorts
{
    public const int First = 20100;
    public const int Last = 29999;

    /// <summary>The port <paramref name="upstream"/> gets unless something in the caller's task already has it.</summary>
    public static int Preferred(string upstream)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(upstream))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return First + (int)(hash % (Last - First + 1));
    }
}
