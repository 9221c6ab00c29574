/**
 * Readers of tabular e-office exports, CSV (Jackson CSV) and XLSX (Apache POI streaming event
 * API), whose first row names the columns in Vietnamese ("Mã công việc", "Tên công việc",
 * "Hạn xử lý"...). Each data row becomes a {@link vn.kpibridge.connectors.source.RawRecord}
 * whose payload is a JSON object header -> cell text, so the existing
 * {@link vn.kpibridge.connectors.source.RecordNormalizer} maps it with JSON pointers such as
 * {@code "/Tên công việc"} (a "/" inside a header is written {@code ~1}, RFC 6901).
 *
 * <p>Row-level problems (more values than columns, an Excel error value) reject only that row,
 * reported as a {@link vn.kpibridge.connectors.tabular.RejectedRow} with file, line and reason;
 * the other rows go on. File-level problems (not UTF-8, broken quoting, not a workbook, no header,
 * duplicate headers) reject the file with a
 * {@link vn.kpibridge.connectors.source.SourceFormatException}.
 */
package vn.kpibridge.connectors.tabular;
