package vn.kpibridge.connectors.edxml;

/**
 * Summary of the XML digital signature found in the edXML header ({@code ds:Signature}, W3C
 * XML-DSig, namespace {@code http://www.w3.org/2000/09/xmldsig#}). The signature is reported, not
 * verified.
 *
 * @param signatureMethod {@code SignedInfo/SignatureMethod/@Algorithm}, e.g. ".../xmldsig-more#rsa-sha256"
 * @param digestMethod first {@code Reference/DigestMethod/@Algorithm}
 * @param referenceUri first {@code Reference/@URI} ("" for the whole document)
 * @param x509SubjectName {@code KeyInfo/X509Data/X509SubjectName}, or null
 * @param certificatePresent true when {@code X509Certificate} is present
 * @param line 1-based line of the Signature element in the file
 */
public record EdxmlSignature(String signatureMethod, String digestMethod, String referenceUri,
        String x509SubjectName, boolean certificatePresent, int line) {
}
