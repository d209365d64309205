using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compose2Ecs.Testing;

/// <summary>
/// A small JSON Schema validator for the keywords our schemas use (type, properties,
/// patternProperties, additionalProperties, required, enum, const, anyOf, oneOf, allOf,
/// items, minItems, minProperties, minimum, maximum, pattern, local $ref). No JSON Schema
/// package restores here, and the tests need one to check examples against the schema.
/// </summary>
public sealed class JsonSchemaValidator(JsonElement root)
{
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: not allowed");
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: expected {constant}");
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value} is not one of {options}");
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(s => Passes(s, value, path)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Count(s => Passes(s, value, path)) != 1)
        {
            errors.Add($"{path}: must match exactly one of oneOf");
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var s in allOf.EnumerateArray())
            {
                Check(s, value, path, errors);
            }
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(schema, value, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value, path, errors);
                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
                {
                    errors.Add($"{path}: {number} < minimum {min}");
                }

                if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
                {
                    errors.Add($"{path}: {number} > maximum {max}");
                }

                break;
            case JsonValueKind.String:
                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
                {
                    errors.Add($"{path}: \"{value.GetString()}\" does not match {pattern}");
                }

                break;
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: missing required \"{name}\"");
                }
            }
        }

        if (schema.TryGetProperty("minProperties", out var minProperties) && value.EnumerateObject().Count() < minProperties.GetInt32())
        {
            errors.Add($"{path}: fewer than {minProperties} properties");
        }

        schema.TryGetProperty("properties", out var properties);
        schema.TryGetProperty("patternProperties", out var patternProperties);
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            var matched = false;
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                matched = true;
                Check(propertySchema, property.Value, childPath, errors);
            }

            if (patternProperties.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in patternProperties.EnumerateObject().Where(p => Regex.IsMatch(property.Name, p.Name)))
                {
                    matched = true;
                    Check(p.Value, property.Value, childPath, errors);
                }
            }

            if (!matched && additional.ValueKind != JsonValueKind.Undefined)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{childPath}: unknown property");
                }
                else
                {
                    Check(additional, property.Value, childPath, errors);
                }
            }
        }
    }

    private void CheckArray(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
        {
            errors.Add($"{path}: fewer than {minItems} items");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++.ToString(CultureInfo.InvariantCulture)}]", errors);
            }
        }
    }

    private bool Passes(JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors.Count == 0;
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local $ref is supported: {reference}");
        }

        var node = root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => TypeMatches(t, value))
            : type.GetString() switch
            {
                "object" => value.ValueKind == JsonValueKind.Object,
                "array" => value.ValueKind == JsonValueKind.Array,
                "string" => value.ValueKind == JsonValueKind.String,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "null" => value.ValueKind == JsonValueKind.Null,
                "number" => value.ValueKind == JsonValueKind.Number,
                "integer" => value.ValueKind == JsonValueKind.Number && value.GetDouble() == Math.Floor(value.GetDouble()),
                _ => false,
            };
}
