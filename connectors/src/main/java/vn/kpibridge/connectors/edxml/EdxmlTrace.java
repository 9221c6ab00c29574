package vn.kpibridge.connectors.edxml;

import java.time.LocalDateTime;

/**
 * One hop of the document's route ({@code edXML:TraceHeaderList/edXML:TraceHeader},
 * QCVN 102:2016/BTTTT).
 *
 * @param organId code of the organisation that handled the package
 * @param timestamp local time it did, from {@code yyyy/MM/dd HH:mm:ss} (null when absent)
 */
public record EdxmlTrace(String organId, LocalDateTime timestamp) {
}
