package vn.kpibridge.connectors.docsymbol;

/**
 * The document system a symbol belongs to; it decides which abbreviation table applies (the same
 * abbreviation can name different types: {@code TT} is "Thông tư" for the state and "Thông tri"
 * for the party).
 */
public enum DocumentSystem {
    /**
     * State administrative and legal documents: symbol {@code số/[năm/]ký hiệu}, abbreviations of
     * Nghị định 30/2020/NĐ-CP Phụ lục III and of the Law on legal normative documents.
     */
    STATE,
    /**
     * Communist Party documents: symbol {@code số-tên loại/cơ quan ban hành}, abbreviations of
     * Quy định 66-QĐ/TW and Hướng dẫn 36-HD/VPTW.
     */
    PARTY
}
