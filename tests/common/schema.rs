//! A small JSON Schema checker for the keywords our schema files use
//! (`type`, `required`, `properties`, `additionalProperties: false`,
//! `items`, `enum`, `minimum`, `$ref` into `#/$defs`), so the tests check real output
//! against the real schema file without a heavy dependency.

use serde_json::Value;

/// Every violation, as `path: problem`.
pub fn validate(schema: &Value, instance: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, instance, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        match root.get("$defs").and_then(|defs| defs.get(name)) {
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
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: property `{name}` is not in the schema"));
                }
                None => {}
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
