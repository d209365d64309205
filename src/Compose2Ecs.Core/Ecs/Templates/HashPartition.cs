namespace Compose2Ecs.Core.Ecs.Templates;

/// <summary>
/// Extendible hashing: every item starts in one bucket, and a bucket that does not fit one
/// template splits in two by the next bit of its items' hashes, until every bucket fits.
/// Only the bucket that overflows splits, so adding or removing a service moves no service of
/// any other bucket, and the bucket count follows from the sizes in one pass (no doubling
/// and retrying). The result depends on the set of items only, never on their order.
/// </summary>
internal static class HashPartition
{
    /// <summary>16 million buckets: far past any application (and bucket indexes stay positive ints).</summary>
    public const int MaxDepth = 24;

    public sealed record Part<T>(HashBucket Bucket, IReadOnlyList<T> Items);

    /// <param name="fits">Whether these items fit one template.</param>
    /// <param name="forced">Buckets to split although <paramref name="fits"/> said they fit (its estimate was short).</param>
    /// <param name="tooBig">The error for an item that does not fit a template alone.</param>
    public static List<Part<T>> Split<T>(IReadOnlyList<T> items, Func<T, uint> hash, int minDepth,
        Func<IReadOnlyList<T>, HashBucket, bool> fits, IReadOnlySet<HashBucket> forced, Func<T, Exception> tooBig)
    {
        var result = new List<Part<T>>();
        var pending = new Stack<Part<T>>();
        pending.Push(new Part<T>(new HashBucket(0, 0), items));
        while (pending.TryPop(out var part))
        {
            var (bucket, members) = (part.Bucket, part.Items);
            if (members.Count == 0)
            {
                continue;
            }

            if (bucket.Depth >= minDepth && !forced.Contains(bucket) && fits(members, bucket))
            {
                result.Add(part);
                continue;
            }

            if (members.Count == 1 && bucket.Depth >= minDepth)
            {
                throw tooBig(members[0]);
            }

            if (bucket.Depth == MaxDepth)
            {
                // Items whose hashes agree on every bit used so far cannot be told apart: they only fit together.
                throw tooBig(members[0]);
            }

            var bit = 1u << bucket.Depth;
            var low = members.Where(m => (hash(m) & bit) == 0).ToList();
            var high = members.Where(m => (hash(m) & bit) != 0).ToList();
            pending.Push(new Part<T>(new HashBucket(bucket.Depth + 1, bucket.Index + (int)bit), high));
            pending.Push(new Part<T>(new HashBucket(bucket.Depth + 1, bucket.Index), low));
        }

        return [.. result.OrderBy(p => p.Bucket.Index)];
    }
}
