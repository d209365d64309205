using System.Globalization;

namespace Compose2Ecs.Bench;

/// <summary>Peak resident memory of this process's Node.js children (the jsii runtime), from /proc on Linux.</summary>
public static class ProcessMemory
{
    /// <summary>The sum of VmHWM over every <c>node</c> process descended from this one, in bytes; null where /proc is not there.</summary>
    public static long? NodePeakBytes()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        var self = Environment.ProcessId;
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                parents[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), name);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        long total = 0;
        foreach (var (pid, (_, name)) in parents)
        {
            if (name == "node" && Descends(pid, self, parents))
            {
                total += HighWaterMark(pid);
            }
        }

        return total;
    }

    private static bool Descends(int pid, int ancestor, Dictionary<int, (int Parent, string Name)> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var entry) && current > 1; current = entry.Parent)
        {
            if (entry.Parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? 0 : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
