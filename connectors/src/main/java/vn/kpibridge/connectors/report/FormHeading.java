package vn.kpibridge.connectors.report;

import java.util.List;

/**
 * The heading every form of the seeds opens with: the issuing body at the top left, for party
 * forms the national-party heading and the date line at the top right (seed 001 Mẫu 03: "ĐẢNG ỦY/CƠ
 * QUAN, ĐƠN VỊ..." / "ĐẢNG CỘNG SẢN VIỆT NAM" / "....., ngày ... tháng ... năm ..."), then the
 * centred title lines.
 *
 * @param issuer top-left line, e.g. "CƠ QUAN, ĐƠN VỊ: Ban Tổ chức Tỉnh ủy"
 * @param partyHeading true to print "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line at the top right
 * @param titles title lines, centred and bold; a line in brackets is printed in italics
 */
record FormHeading(String issuer, boolean partyHeading, List<String> titles) {
    /** Printed at the top right of party forms. */
    static final String PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";
    /** The date line left for the signer, as the forms print it. */
    static final String DATE_LINE = "....., ngày ..... tháng ..... năm .....";

    /** Copies the titles. */
    FormHeading {
        titles = List.copyOf(titles);
    }

    /** @return the 0-based row after the heading and one blank row. */
    int nextRow() {
        return (partyHeading ? 3 : 1) + titles.size() + 1;
    }
}
