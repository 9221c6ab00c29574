package vn.kpibridge.connectors.docsymbol;

/**
 * A document symbol that cannot be parsed: blank, not in either system's syntax, or with a type
 * abbreviation that is in no table. The message quotes the input and says what is wrong.
 */
public class DocumentSymbolException extends IllegalArgumentException {
    private final String input;

    /**
     * @param input the symbol as given (may be null)
     * @param reason what is wrong with it
     */
    public DocumentSymbolException(String input, String reason) {
        super("document symbol \"" + input + "\": " + reason);
        this.input = input;
    }

    /** @return the symbol as given to the parser, possibly null. */
    public String input() {
        return input;
    }
}
