package vn.kpibridge.connectors.docsymbol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed document symbol ("số, ký hiệu").
 *
 * <p>Examples: {@code 156/QĐ-UBND} gives number "156", no year, STATE, "QĐ" "Quyết định", issuer
 * "UBND"; {@code 30/2020/NĐ-CP} gives "30", 2020, STATE, "NĐ" "Nghị định", issuer "CP";
 * công văn {@code 1234/UBND-KT} gives "1234", STATE, no abbreviation, type name "Công văn", issuer
 * "UBND", drafting unit "KT"; {@code 02-HD/BTCTW} gives "02", PARTY, "HD" "Hướng dẫn", issuer
 * "BTCTW".
 *
 * @param text the symbol in canonical form: spaces removed, dashes and the letter Đ normalised,
 *     the abbreviation spelt as in its table, e.g. "870-QĐ/TU"
 * @param number the number as written, leading zeros kept ("02")
 * @param year the year of a legal normative document ("30/2020/NĐ-CP"), or null when absent
 * @param system state or party
 * @param typeAbbreviation the type abbreviation as spelt in its table ("QĐ", "QĐi", "TTr"), or
 *     null for a state công văn, whose symbol carries none
 * @param typeName the Vietnamese type name ("Quyết định", "Tờ trình", "Công văn")
 * @param issuer abbreviation of the issuing body ("UBND", "CP", "BTCTW"); joint issuers stay joined
 *     by "-" ("BTC-BNV")
 * @param draftingUnit for a state công văn, the drafting unit after the issuer ("KT" in
 *     "1234/UBND-KT"), else null
 */
public record DocumentSymbol(String text, String number, Integer year, DocumentSystem system,
        String typeAbbreviation, String typeName, String issuer, String draftingUnit) {

    /** Type name given to a state công văn, whose symbol has no type abbreviation. */
    public static final String OFFICIAL_LETTER = "Công văn";

    /** @return the number as an integer ("02" gives 2). */
    public int numberValue() {
        return Integer.parseInt(number);
    }

    /** @return true for a công văn (state symbol without type, or party {@code CV}). */
    public boolean isOfficialLetter() {
        return OFFICIAL_LETTER.equals(typeName);
    }

    /**
     * @return the symbol as a JSON object {@code {text, number, year, system, typeAbbreviation,
     *     typeName, issuer, draftingUnit}}; absent values are JSON null
     */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("text", text);
        n.put("number", number);
        n.put("year", year);
        n.put("system", system.name());
        n.put("typeAbbreviation", typeAbbreviation);
        n.put("typeName", typeName);
        n.put("issuer", issuer);
        n.put("draftingUnit", draftingUnit);
        return n;
    }
}
