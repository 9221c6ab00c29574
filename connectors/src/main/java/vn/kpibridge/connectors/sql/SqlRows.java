package vn.kpibridge.connectors.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Database rows as source records: one JSON object per row, keyed by column label as the driver
 * reports it (PostgreSQL: lower case), with types kept readable: numbers stay exact numbers,
 * timestamps become ISO local date-times ({@code 2026-06-30T16:45}), dates ISO dates, booleans
 * booleans, {@code json}/{@code jsonb} values JSON, anything else its text. SQL NULL becomes JSON
 * null.
 */
public final class SqlRows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SqlRows() {
    }

    /**
     * @param row one row, column label -> JDBC value
     * @return the row as a JSON object, columns in row order
     * @throws IllegalArgumentException when a JSON column holds malformed JSON or a CLOB cannot be read
     */
    public static ObjectNode toJson(Map<String, Object> row) {
        ObjectNode o = NODES.objectNode();
        row.forEach((column, value) -> o.set(column, value(column, value)));
        return o;
    }

    private static JsonNode value(String column, Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).intValue());
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Double || v instanceof Float) {
            return NODES.numberNode(new BigDecimal(v.toString()));
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof java.sql.Timestamp t) {
            return NODES.textNode(t.toLocalDateTime().toString());
        }
        if (v instanceof java.sql.Date d) {
            return NODES.textNode(d.toLocalDate().toString());
        }
        if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof OffsetDateTime
                || v instanceof TemporalAccessor) {
            return NODES.textNode(v.toString());
        }
        if (v instanceof Clob c) {
            try {
                return NODES.textNode(c.getSubString(1, (int) c.length()));
            } catch (SQLException e) {
                throw new IllegalArgumentException("column " + column + ": cannot read the text value: " + e.getMessage(), e);
            }
        }
        String type = jsonType(v);
        if (type != null) {
            try {
                return MAPPER.readTree(v.toString());
            } catch (IOException e) {
                throw new IllegalArgumentException("column " + column + " (" + type + "): malformed JSON", e);
            }
        }
        return NODES.textNode(v.toString());
    }

    /** PostgreSQL returns json/jsonb as a PGobject whose getType() names the type. */
    private static String jsonType(Object v) {
        if (!v.getClass().getName().equals("org.postgresql.util.PGobject")) {
            return null;
        }
        try {
            Object t = v.getClass().getMethod("getType").invoke(v);
            return "json".equals(t) || "jsonb".equals(t) ? (String) t : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * Groups a (streamed) iterator into lists, lazily: nothing beyond the current batch is read.
     *
     * @param <T> element type
     * @param source the elements, e.g. a streamed JDBC result
     * @param size elements per batch, at least 1
     * @return an iterator of batches; the last one may be shorter
     */
    public static <T> Iterator<List<T>> batches(Iterator<T> source, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public List<T> next() {
                if (!source.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> batch = new ArrayList<>(size);
                while (batch.size() < size && source.hasNext()) {
                    batch.add(source.next());
                }
                return batch;
            }
        };
    }
}
