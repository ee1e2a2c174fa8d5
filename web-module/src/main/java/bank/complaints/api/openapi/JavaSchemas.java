package bank.complaints.api.openapi;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The JSON schema of a Java type as JSON-B writes and reads it, and the corrections Payara's
 * scanner needs: a property with {@code @Schema} on it loses its Java type there (an enum or a
 * date-time becomes {@code object}, a list of items an array of arrays), so each property of a
 * component is given its type again from the field or record component it comes from.
 */
final class JavaSchemas {

  static final String COMPONENTS = "#/components/schemas/";

  /** Component name → the Java class it describes (the classes reachable from the API). */
  private final Map<String, Class<?>> classes = new LinkedHashMap<>();

  void add(Type type) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return;
    }
    if (Collection.class.isAssignableFrom(raw) || Optional.class.equals(raw)) {
      add(argument(type, 0));
    } else if (Map.class.isAssignableFrom(raw)) {
      add(argument(type, 1));
    } else if (raw.isArray()) {
      add(raw.getComponentType());
    } else if (isObject(raw) && !classes.containsValue(raw)) {
      classes.putIfAbsent(name(raw), raw);
      properties(raw).values().forEach(p -> add(p.type()));
    }
  }

  Optional<Class<?>> classOf(String component) {
    return Optional.ofNullable(classes.get(component));
  }

  Map<String, Class<?>> classes() {
    return classes;
  }

  /** The name Payara gives a class's component: its {@code @Schema(name)} or its simple name. */
  static String name(Class<?> type) {
    var schema =
        type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
  }

  /** A new schema for the type: a reference for a component, else a type with its format. */
  Schema schemaOf(Type type) {
    Schema schema = OASFactory.createSchema();
    Class<?> raw = raw(type);
    if (raw != null && isObject(raw)) {
      return schema.ref(COMPONENTS + name(raw));
    }
    retype(schema, type, null);
    return schema;
  }

  /** The component of a class, built whole (for a class the scanner never saw). */
  Schema componentOf(Class<?> type) {
    Schema component = OASFactory.createSchema().type(SchemaType.OBJECT);
    properties(type)
        .forEach(
            (name, property) -> {
              component.addProperty(name, schemaOf(property.type()));
              if (property.required()) {
                component.addRequired(name);
              }
            });
    return component;
  }

  /** Gives each property of a component the type of the Java member it comes from. */
  void repair(Schema component, Class<?> type) {
    Map<String, Property> properties = properties(type);
    if (component.getProperties() == null) {
      return;
    }
    for (Map.Entry<String, Schema> entry :
        new LinkedHashMap<>(component.getProperties()).entrySet()) {
      Property property = properties.get(entry.getKey());
      if (property == null) {
        continue;
      }
      Schema schema = entry.getValue();
      Class<?> raw = raw(property.type());
      if (raw != null && isObject(raw)) {
        component.addProperty(
            entry.getKey(), OASFactory.createSchema().ref(COMPONENTS + name(raw)));
      } else if (schema.getRef() == null) {
        retype(schema, property.type(), property.member());
      }
      if (property.required()) {
        component.addRequired(entry.getKey());
      }
    }
  }

  /** Sets type, format, enum values and items from the Java type; keeps the rest. */
  private void retype(Schema schema, Type type, AnnotatedElement member) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return;
    }
    if (raw.isEnum()) {
      schema.type(SchemaType.STRING).format(null).properties(null).items(null);
      List<Object> values = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      schema.setEnumeration(values);
    } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      Type item = raw.isArray() ? componentType(type) : argument(type, 0);
      schema.type(SchemaType.ARRAY).properties(null).items(schemaOf(item));
    } else if (Map.class.isAssignableFrom(raw)) {
      schema
          .type(SchemaType.OBJECT)
          .properties(null)
          .additionalPropertiesSchema(schemaOf(argument(type, 1)));
    } else if (Optional.class.equals(raw)) {
      retype(schema, argument(type, 0), member);
    } else {
      scalar(schema, raw, member);
    }
  }

  private static void scalar(Schema schema, Class<?> raw, AnnotatedElement member) {
    if (raw == String.class || raw == char.class || raw == Character.class) {
      schema.type(SchemaType.STRING);
    } else if (raw == boolean.class || raw == Boolean.class) {
      schema.type(SchemaType.BOOLEAN);
    } else if (raw == int.class
        || raw == Integer.class
        || raw == short.class
        || raw == Short.class) {
      schema.type(SchemaType.INTEGER).format("int32");
    } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
      schema.type(SchemaType.INTEGER).format("int64");
    } else if (raw == double.class || raw == Double.class) {
      schema.type(SchemaType.NUMBER).format("double");
    } else if (raw == float.class || raw == Float.class) {
      schema.type(SchemaType.NUMBER).format("float");
    } else if (raw == BigDecimal.class) {
      schema.type(SchemaType.NUMBER).format(null);
      Digits digits = member == null ? null : member.getAnnotation(Digits.class);
      if (digits != null && schema.getMultipleOf() == null) {
        schema.multipleOf(BigDecimal.ONE.movePointLeft(digits.fraction()));
      }
    } else if (raw == OffsetDateTime.class
        || raw == ZonedDateTime.class
        || raw == Instant.class
        || raw == LocalDateTime.class) {
      schema.type(SchemaType.STRING).format("date-time");
    } else if (raw == LocalDate.class) {
      schema.type(SchemaType.STRING).format("date");
    } else if (raw == LocalTime.class) {
      schema.type(SchemaType.STRING).format("time");
    } else if (raw == Duration.class) {
      schema.type(SchemaType.STRING).format("duration");
    } else if (raw == UUID.class) {
      schema.type(SchemaType.STRING).format("uuid");
    } else if (raw == URI.class) {
      schema.type(SchemaType.STRING).format("uri");
    }
    if (schema.getType() != SchemaType.OBJECT) {
      schema.setProperties(null);
    }
  }

  /** A class JSON-B writes as a JSON object of its properties (not a value, list or map). */
  static boolean isObject(Class<?> raw) {
    return !raw.isPrimitive()
        && !raw.isEnum()
        && !raw.isArray()
        && !raw.getName().startsWith("java.")
        && !raw.getName().startsWith("jakarta.")
        && !Collection.class.isAssignableFrom(raw)
        && !Map.class.isAssignableFrom(raw);
  }

  record Property(Type type, AnnotatedElement member, boolean required) {}

  /** The properties JSON-B binds: record components, or public instance fields. */
  static Map<String, Property> properties(Class<?> type) {
    Map<String, Property> properties = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        Field field = field(type, component.getName());
        if (field != null && field.isAnnotationPresent(JsonbTransient.class)) {
          continue;
        }
        properties.put(
            jsonName(field, component.getName()),
            new Property(component.getGenericType(), field, required(field)));
      }
      return properties;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isPublic(modifiers)
            && !Modifier.isStatic(modifiers)
            && !field.isAnnotationPresent(JsonbTransient.class)) {
          properties.putIfAbsent(
              jsonName(field, field.getName()),
              new Property(field.getGenericType(), field, required(field)));
        }
      }
    }
    return properties;
  }

  private static Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static String jsonName(Field field, String name) {
    JsonbProperty property = field == null ? null : field.getAnnotation(JsonbProperty.class);
    return property != null && !property.value().isBlank() ? property.value() : name;
  }

  private static boolean required(Field field) {
    return field != null
        && (field.isAnnotationPresent(NotNull.class)
            || field.isAnnotationPresent(NotBlank.class)
            || field.isAnnotationPresent(NotEmpty.class));
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    if (type instanceof GenericArrayType a) {
      Class<?> component = raw(a.getGenericComponentType());
      return component == null ? null : component.arrayType();
    }
    return null;
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static Type componentType(Type type) {
    if (type instanceof GenericArrayType a) {
      return a.getGenericComponentType();
    }
    return raw(type).getComponentType();
  }
}
