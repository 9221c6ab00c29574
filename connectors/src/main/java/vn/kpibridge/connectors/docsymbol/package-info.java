/**
 * Parsing of Vietnamese document symbols ("số, ký hiệu văn bản") into number, year, type
 * abbreviation, issuer and drafting unit.
 *
 * <p>Two systems are recognised by their syntax:
 * <ul>
 *   <li>state documents, Nghị định 30/2020/NĐ-CP (Điều 8 khoản 3 and Phụ lục III):
 *       {@code số/ký hiệu}, e.g. {@code 156/QĐ-UBND}, {@code 30/2020/NĐ-CP} (legal normative
 *       documents carry the year), and công văn {@code 1234/UBND-KT} (issuer, drafting unit, no
 *       type abbreviation);</li>
 *   <li>party documents, Quy định 66-QĐ/TW (2017) and Hướng dẫn 36-HD/VPTW (2018):
 *       {@code số-type/issuer}, e.g. {@code 870-QĐ/TU}, {@code 02-HD/BTCTW}.</li>
 * </ul>
 * The abbreviation tables are data, in the resource
 * {@code vn/kpibridge/connectors/docsymbol/document-types.csv} (see {@link
 * vn.kpibridge.connectors.docsymbol.DocumentTypeTable}).
 */
package vn.kpibridge.connectors.docsymbol;
