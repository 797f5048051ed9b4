//! A small JSON Schema checker for the keywords our schema files use
//! (`type`, `required`, `properties`, `additionalProperties` (false or a
//! schema), `items`, `enum`, `minimum`, `not`, `$ref` into `#/$defs` or
//! `#/definitions`), so the tests check real output and the editors'
//! schemas (`schemas/`) without a heavy dependency. [`KEYWORDS`] lists
//! them, so a test can refuse a schema that uses any other.

use serde_json::Value;

/// The keywords [`validate`] applies, and the annotations it may skip.
pub const KEYWORDS: &[&str] = &[
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "minimum",
    "not",
    "$ref",
    "$defs",
    "definitions",
    "$schema",
    "$id",
    "title",
    "description",
    "examples",
];

/// Every violation, as `path: problem`.
pub fn validate(schema: &Value, instance: &Value) -> Vec<String> {
    validate_at(schema, schema, instance)
}

/// Every violation of `schema`, a part of `root`.
fn validate_at(root: &Value, schema: &Value, instance: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(root, schema, instance, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = [("#/$defs/", "$defs"), ("#/definitions/", "definitions")]
            .into_iter()
            .find_map(|(prefix, key)| Some((key, reference.strip_prefix(prefix)?)))
            .and_then(|(key, name)| root.get(key)?.get(name));
        match target {
            Some(target) => check(root, target, value, path, errors),
            None => errors.push(format!("{path}: unknown $ref {reference}")),
        }
        return;
    }
    if let Some(expected) = schema.get("type") {
        let types: Vec<&str> = match expected {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.iter().any(|t| has_type(value, t)) {
            errors.push(format!("{path}: expected {types:?}, found {value}"));
            return;
        }
    }
    if let Some(not) = schema.get("not") {
        if validate_at(root, not, value).is_empty() {
            errors.push(format!("{path}: matches what `not` forbids: {not}"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            errors.push(format!("{path}: {value} is not one of {allowed:?}"));
        }
    }
    if let (Some(minimum), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if n < minimum {
            errors.push(format!("{path}: {n} is below the minimum {minimum}"));
        }
    }
    if let Some(object) = value.as_object() {
        for name in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                errors.push(format!("{path}: missing required property `{name}`"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, child) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(child_schema) => check(root, child_schema, child, &format!("{path}.{name}"), errors),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{path}: property `{name}` is not in the schema")),
                    Some(extra @ Value::Object(_)) => check(root, extra, child, &format!("{path}.{name}"), errors),
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(root, items, item, &format!("{path}[{i}]"), errors);
        }
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "string" => value.is_string(),
        "integer" => value.is_u64() || value.is_i64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => false,
    }
}
