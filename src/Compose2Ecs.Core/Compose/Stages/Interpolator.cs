using System.Collections.Immutable;
using System.Text;
using Compose2Ecs.Core.Diagnostics;
using Compose2Ecs.Core.Yaml;

namespace Compose2Ecs.Core.Compose.Stages;

/// <summary>
/// Stage 2: variable interpolation, as compose-go does it. Applies to scalar values only,
/// never to keys. Supports <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-d}</c>, <c>${VAR-d}</c>,
/// <c>${VAR:?e}</c>, <c>${VAR?e}</c>, <c>${VAR:+a}</c>, <c>${VAR+a}</c>, nesting and <c>$$</c>.
/// </summary>
public sealed class Interpolator
{
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _warnedUnset = new(StringComparer.Ordinal);
    private int _depth;
    private long _expanded;
    private bool _totalCapReached;

    // Aliases share their anchored node; a shared scalar is substituted once and its result
    // reused, so an alias fan-out of a large value costs one substitution, not one per alias.
    private readonly Dictionary<ScalarNode, string?> _substituted = new(ReferenceEqualityComparer.Instance);

    /// <summary>How deep <c>${A:-${B:-...}}</c> may nest: far past real files, far short of the stack.</summary>
    public const int MaxNesting = 64;

    /// <summary>The longest value interpolation may produce (a .env doubling a variable per line stops here).</summary>
    public const int MaxValueLength = 1 << 20;

    /// <summary>What one interpolator may produce in all (an alias fan-out of one large value stops here).</summary>
    public const long MaxTotalLength = 64L << 20;

    public Interpolator(IReadOnlyDictionary<string, string> variables, DiagnosticBag diagnostics)
    {
        _variables = variables;
        _diagnostics = diagnostics;
    }

    /// <summary>Interpolates every scalar value in the tree; errors are collected, not thrown.</summary>
    public Node Apply(Node node) => node switch
    {
        ScalarNode scalar => ApplyScalar(scalar),
        SequenceNode seq => seq with { Items = [.. seq.Items.Select(Apply)] },
        MappingNode map => map with { Entries = [.. map.Entries.Select(e => e with { Value = Apply(e.Value) })] },
        _ => node,
    };

    private Node ApplyScalar(ScalarNode scalar)
    {
        // Past the total cap nothing more is expanded: the error is reported once, and the
        // aliases still to come cost nothing (expanding them would allocate what the cap forbids).
        if (_totalCapReached || !scalar.Value.Contains('$', StringComparison.Ordinal))
        {
            return scalar;
        }

        if (!_substituted.TryGetValue(scalar, out var result))
        {
            result = Substitute(scalar.Value, scalar.Location);
            _substituted[scalar] = result;
        }

        if (result is null)
        {
            return scalar;
        }

        _expanded += result.Length;
        if (_expanded > MaxTotalLength)
        {
            _diagnostics.Error(scalar.Location, ComposeDiagnosticCodes.InputBound,
                $"interpolation expands the file past {MaxTotalLength >> 20} MiB (a large variable repeated through aliases?); make the values smaller");
            _totalCapReached = true;
            return scalar;
        }

        // A plain scalar stays plain after substitution, so `${PORT}` can still become a number,
        // as in compose-go where interpolation happens before typing.
        return scalar with { Value = result };
    }

    /// <summary>Substitutes one string; null when an error was reported.</summary>
    public string? Substitute(string text, SourceLocation location)
    {
        try
        {
            var position = 0;
            return Expand(text, ref position, location);
        }
        catch (InterpolationError e)
        {
            if (e.Code is null)
            {
                _diagnostics.Error(location, ComposeDiagnosticCodes.InterpolationSyntax, e.Message);
            }
            else
            {
                _diagnostics.Error(location, e.Code, e.Message);
            }

            return null;
        }
        finally
        {
            _depth = 0;
        }
    }

    private string Expand(string text, ref int i, SourceLocation location)
    {
        var output = new StringBuilder();
        while (i < text.Length)
        {
            if (output.Length > MaxValueLength)
            {
                throw new InterpolationError($"interpolation makes a value longer than {MaxValueLength >> 20} MiB; make the variables smaller", ComposeDiagnosticCodes.InputBound);
            }

            var c = text[i];
            if (c != '$')
            {
                output.Append(c);
                i++;
                continue;
            }

            // c == '$'
            if (i + 1 >= text.Length)
            {
                output.Append('$');
                i++;
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                i += 2;
                output.Append(ExpandBraced(text, ref i, location));
            }
            else if (IsNameStart(next))
            {
                var start = i + 1;
                var end = start;
                while (end < text.Length && IsNameChar(text[end]))
                {
                    end++;
                }

                output.Append(Lookup(text[start..end], location) ?? "");
                i = end;
            }
            else
            {
                // A bare `$` not followed by a name is kept, as compose-go does.
                output.Append('$');
                i++;
            }
        }

        if (output.Length > MaxValueLength)
        {
            throw new InterpolationError($"interpolation makes a value longer than {MaxValueLength >> 20} MiB; make the variables smaller", ComposeDiagnosticCodes.InputBound);
        }

        return output.ToString();
    }

    private string ExpandBraced(string text, ref int i, SourceLocation location)
    {
        var nameStart = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        var name = text[nameStart..i];
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            throw new InterpolationError(
                $"invalid interpolation format for \"{text}\": \"${{\" must be followed by a variable name (letters, digits, _), e.g. \"${{NAME}}\" or \"${{NAME:-default}}\"; write \"$$\" for a literal \"$\"");
        }

        if (i >= text.Length)
        {
            throw new InterpolationError($"invalid interpolation format for \"{text}\": \"${{{name}\" is never closed; add \"}}\"");
        }

        if (text[i] == '}')
        {
            i++;
            return Lookup(name, location) ?? "";
        }

        var colon = text[i] == ':';
        var opIndex = colon ? i + 1 : i;
        if (opIndex >= text.Length || text[opIndex] is not ('-' or '?' or '+'))
        {
            throw new InterpolationError(
                $"invalid interpolation format for \"{text}\": unexpected \"{text[i]}\" after \"${{{name}\"; use one of :- - :? ? :+ +, then \"}}\"");
        }

        var op = text[opIndex];
        i = opIndex + 1;

        // The operand may itself contain interpolations; it is expanded lazily below.
        var operandStart = i;
        SkipToClosingBrace(text, ref i);
        var operandText = text[operandStart..i];
        i++; // the closing brace

        _variables.TryGetValue(name, out var value);
        var isSet = value is not null;
        var isSetNonEmpty = !string.IsNullOrEmpty(value);
        var present = colon ? isSetNonEmpty : isSet;

        switch (op)
        {
            case '-':
                return present ? value! : ExpandOperand(operandText, location);
            case '+':
                return present ? ExpandOperand(operandText, location) : "";
            default: // '?'
                if (present)
                {
                    return value!;
                }

                var message = ExpandOperand(operandText, location);
                var why = colon ? "is unset or empty" : "is unset";
                throw new InterpolationError(message.Length > 0
                    ? $"required variable {name} {why}: {message}"
                    : $"required variable {name} {why}; set it in the environment or in .env");
        }
    }

    private string ExpandOperand(string operand, SourceLocation location)
    {
        if (++_depth > MaxNesting)
        {
            throw new InterpolationError($"interpolation nests more than {MaxNesting} levels deep (${{A:-${{B:-...}}}}); flatten it", ComposeDiagnosticCodes.InputBound);
        }

        var position = 0;
        var result = Expand(operand, ref position, location);
        _depth--;
        return result;
    }

    private static void SkipToClosingBrace(string text, ref int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                i += 2;
                continue;
            }

            // Every "{" counts, not only "${": a default may be JSON ("${VAR:-{"a":1}}"), as
            // compose-go's getFirstBraceClosingIndex counts them.
            if (c == '{')
            {
                depth++;
                i++;
                continue;
            }

            if (c == '}')
            {
                if (depth == 0)
                {
                    return;
                }

                depth--;
            }

            i++;
        }

        throw new InterpolationError($"invalid interpolation format for \"{text}\": a \"${{\" is never closed; add \"}}\"");
    }

    private string? Lookup(string name, SourceLocation location)
    {
        if (_variables.TryGetValue(name, out var value))
        {
            return value;
        }

        if (_warnedUnset.Add(name))
        {
            _diagnostics.Warning(location, ComposeDiagnosticCodes.UnsetVariable, $"variable {name} is not set; using an empty string (set it in the environment or .env, or write ${{{name}:-default}})");
        }

        return null;
    }

    private static bool IsNameStart(char c) => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsNameChar(char c) => IsNameStart(c) || c is (>= '0' and <= '9');

    private sealed class InterpolationError(string message, string? code = null) : Exception(message)
    {
        public string? Code { get; } = code;
    }
}
