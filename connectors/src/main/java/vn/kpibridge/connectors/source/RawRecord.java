package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as it arrived from a source, before any interpretation: kept unchanged as evidence.
 *
 * @param index 0-based position of the record in its file or page
 * @param line 1-based line in the file where the record starts (0 when not from a file)
 * @param payload the record's JSON exactly as received (parsed tree, no field dropped)
 */
public record RawRecord(int index, int line, JsonNode payload) {
}
