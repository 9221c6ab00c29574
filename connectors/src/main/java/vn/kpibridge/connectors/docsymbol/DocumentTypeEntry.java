package vn.kpibridge.connectors.docsymbol;

/**
 * One row of an abbreviation table: a document type of one system.
 *
 * @param system the system the abbreviation belongs to
 * @param abbreviation the abbreviation exactly as the regulation writes it, e.g. "QĐ", "QyĐ", "TTr"
 * @param name the Vietnamese type name, e.g. "Quyết định"
 * @param source the regulation and item that defines it, e.g. "Nghị định 30/2020/NĐ-CP Phụ lục III mục I.2"
 */
public record DocumentTypeEntry(DocumentSystem system, String abbreviation, String name, String source) {
}
