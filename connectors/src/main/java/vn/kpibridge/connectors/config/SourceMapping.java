package vn.kpibridge.connectors.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.kpibridge.connectors.pull.JsonLocator;
import vn.kpibridge.connectors.pull.UpdatedTimes;

/**
 * A source mapping file ({@code mappings/sources/*.yml}): how one e-office system's export is
 * read and which catalog, product rules, identity map and scheme apply to it. Paths are relative
 * to the mappings directory.
 *
 * <p>A source is of one {@link #type()}: {@code file-inbox} (JSON exports dropped in the inbox,
 * the default), {@code csv}, {@code xlsx} (tabular exports with Vietnamese headers) or
 * {@code edxml} (QCVN 102:2016/BTTTT document packages) dropped in the inbox folder
 * {@code <inbox>/<id>/} (file settings in {@link #file()}), {@code rest} (pulled from a REST/JSON
 * API, settings in {@link #rest()}) or {@code sql} (polled from a view of a legacy database,
 * settings in {@link #sql()}).
 *
 * <p>{@link #constants()} (every type) gives fixed values for what a source's records do not
 * carry, e.g. {@code loai: CONG_VIEC} for a task export without a type column; they are added to
 * each record's {@value #DERIVED} object exactly as {@link Derive#constants()} are (they are merged
 * into the type's {@code derive} section), so the field map points at them:
 * {@code type: /_derived/loai}. Values in
 * the {@code rest:} and {@code sql:} sections may hold {@code ${NAME}} or {@code ${NAME:default}}
 * placeholders, resolved from the environment when a pull runs (never at load, so a source whose
 * server or credentials are not configured does not stop the application).
 *
 * @param id source id, stored with every record, e.g. "eoffice-btc"
 * @param name human-readable name of the system
 * @param recordsField top-level array of the export that holds records (default "records")
 * @param periodField JSON pointer of the period in the export header (default "/period")
 * @param catalog catalog file, e.g. "catalogs/ban-to-chuc-tinh-uy.yml"
 * @param productRules product rule file
 * @param identities identity map file (CSV)
 * @param scheme scheme id, a file {@code <id>.yml} under the schemes directory
 * @param recordTypes value map: source type value -> TASK / ASSESSMENT
 * @param fields normalised field name -> JSON pointer into the record, e.g. "plannedQuantity": "/plan/quantity"
 * @param dateFormats accepted date patterns, tried in order (e.g. "yyyy/MM/dd", "yyyy-MM-dd", "dd/MM/yyyy")
 * @param statuses value map for the status field
 * @param type "file-inbox" (default), "rest" or "sql"
 * @param rest REST/JSON pull settings; required for type "rest", not allowed otherwise
 * @param sql SQL view poll settings; required for type "sql", not allowed otherwise
 * @param constants name -> fixed value added to every record under {@value #DERIVED}; merged into
 *     the effective {@link #derive()} (a name given both here and in a {@code derive.constants}
 *     is an error)
 * @param file settings of a file source (file-inbox, csv, xlsx, edxml), or null for the defaults;
 *     not allowed for rest and sql
 */
public record SourceMapping(
        String id,
        String name,
        String recordsField,
        String periodField,
        String catalog,
        String productRules,
        String identities,
        String scheme,
        Map<String, String> recordTypes,
        Map<String, String> fields,
        List<String> dateFormats,
        Map<String, String> statuses,
        String type,
        Rest rest,
        Sql sql,
        Map<String, String> constants,
        FileSource file) {

    /** Source type of JSON exports dropped in the file inbox (the default). */
    public static final String TYPE_FILE_INBOX = "file-inbox";
    /** Source type of a REST/JSON API pulled by {@code direct:pullRestSource}. */
    public static final String TYPE_REST = "rest";
    /** Source type of a database view polled by {@code direct:pullSqlSource}. */
    public static final String TYPE_SQL = "sql";
    /** Source type of CSV exports (UTF-8, RFC 4180) dropped in the inbox. */
    public static final String TYPE_CSV = "csv";
    /** Source type of XLSX exports dropped in the inbox. */
    public static final String TYPE_XLSX = "xlsx";
    /** Source type of edXML packages (QCVN 102:2016/BTTTT) dropped in the inbox or posted over HTTP. */
    public static final String TYPE_EDXML = "edxml";
    /** Name of the object kpi-bridge adds to a pulled record for its derived values (see {@link Derive}). */
    public static final String DERIVED = "_derived";

    private static final Set<String> TYPES = Set.of(TYPE_FILE_INBOX, TYPE_REST, TYPE_SQL, TYPE_CSV, TYPE_XLSX,
            TYPE_EDXML);
    private static final Map<String, List<String>> EXTENSIONS = Map.of(TYPE_FILE_INBOX, List.of("json"),
            TYPE_CSV, List.of("csv"), TYPE_XLSX, List.of("xlsx"), TYPE_EDXML, List.of("edxml", "xml"));
    /**
     * Every file name extension (lower case, without dot) a file source takes from the inbox, in type
     * order: json (file-inbox), csv, xlsx, edxml and xml (edxml). The inbox route polls for these, a
     * sync run waits for them and the {@code sync} command drops them; which of them a given source
     * accepts is {@link #fileExtensions()}.
     */
    public static final List<String> INBOX_EXTENSIONS = java.util.stream.Stream.of(TYPE_FILE_INBOX, TYPE_CSV,
            TYPE_XLSX, TYPE_EDXML).flatMap(t -> EXTENSIONS.get(t).stream()).toList();
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /**
     * Fills defaults (records field "records", period field "/period", ISO dates, type file-inbox),
     * checks the type's section and merges {@code constants} into the type's derive settings.
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public SourceMapping {
        recordsField = recordsField == null ? "records" : recordsField;
        periodField = periodField == null ? "/period" : periodField;
        recordTypes = recordTypes == null ? Map.of() : Map.copyOf(recordTypes);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        dateFormats = dateFormats == null ? List.of("yyyy-MM-dd") : List.copyOf(dateFormats);
        statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
        type = type == null ? TYPE_FILE_INBOX : type.trim();
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type \"" + type + "\" is not one of file-inbox, csv, xlsx, edxml, rest, sql");
        }
        if (file != null && !EXTENSIONS.containsKey(type)) {
            throw new IllegalArgumentException("a file: section needs a file source type (file-inbox, csv, xlsx, edxml); "
                    + "type is " + type);
        }
        if (file != null && file.separator() != null && !TYPE_CSV.equals(type)) {
            throw new IllegalArgumentException("file.separator applies to type csv only (type is " + type + ")");
        }
        if (file != null && file.sheet() != null && !TYPE_XLSX.equals(type)) {
            throw new IllegalArgumentException("file.sheet applies to type xlsx only (type is " + type + ")");
        }
        if (file != null && file.headerLine() != 0 && !TYPE_CSV.equals(type) && !TYPE_XLSX.equals(type)) {
            throw new IllegalArgumentException("file.headerLine applies to types csv and xlsx only (type is " + type + ")");
        }
        constants = ordered(constants);
        if (!constants.isEmpty()) {
            if (TYPE_REST.equals(type) && rest != null) {
                rest = new Rest(rest.baseUrl(), rest.path(), rest.method(), rest.query(), rest.headers(), rest.items(),
                        rest.auth(), rest.paging(), rest.incremental(), withConstants(rest.derive(), constants, "rest"));
            } else if (TYPE_SQL.equals(type) && sql != null) {
                sql = new Sql(sql.datasource(), sql.view(), sql.watermarkColumn(), sql.batchSize(), sql.initial(),
                        withConstants(sql.derive(), constants, "sql"));
            } else if (EXTENSIONS.containsKey(type)) {
                FileSource f = file == null ? new FileSource(null, null, null, null) : file;
                file = new FileSource(f.separator(), f.headerLine(), f.sheet(), withConstants(f.derive(), constants, "file"));
            }
        }
        if (TYPE_REST.equals(type) != (rest != null)) {
            throw new IllegalArgumentException(rest == null ? "type rest needs a rest: section"
                    : "a rest: section needs type: rest (type is " + type + ")");
        }
        if (TYPE_SQL.equals(type) != (sql != null)) {
            throw new IllegalArgumentException(sql == null ? "type sql needs a sql: section"
                    : "a sql: section needs type: sql (type is " + type + ")");
        }
    }

    /**
     * A file-inbox source mapping (the form before REST and SQL sources existed).
     *
     * @param id source id
     * @param name system name
     * @param recordsField records array of the export
     * @param periodField JSON pointer of the period in the export header
     * @param catalog catalog file
     * @param productRules product rule file
     * @param identities identity map file
     * @param scheme scheme id
     * @param recordTypes record type value map
     * @param fields field map
     * @param dateFormats date patterns
     * @param statuses status value map
     */
    public SourceMapping(String id, String name, String recordsField, String periodField, String catalog,
            String productRules, String identities, String scheme, Map<String, String> recordTypes,
            Map<String, String> fields, List<String> dateFormats, Map<String, String> statuses) {
        this(id, name, recordsField, periodField, catalog, productRules, identities, scheme, recordTypes, fields,
                dateFormats, statuses, null, null, null, null, null);
    }

    /**
     * @return the derive settings records of this source go through: {@code rest.derive},
     *     {@code sql.derive} or {@code file.derive}, with {@link #constants()} merged in; null when none
     */
    public Derive derive() {
        return switch (type) {
            case TYPE_REST -> rest.derive();
            case TYPE_SQL -> sql.derive();
            default -> file == null ? null : file.derive();
        };
    }

    /** @return true for the types whose records arrive as files in the inbox (file-inbox, csv, xlsx, edxml). */
    public boolean isFileSource() {
        return EXTENSIONS.containsKey(type);
    }

    /**
     * @return the file name extensions (lower case, without dot) this source takes from its inbox
     *     folder: json (file-inbox), csv, xlsx, edxml and xml (edxml); empty for rest and sql
     */
    public List<String> fileExtensions() {
        return EXTENSIONS.getOrDefault(type, List.of());
    }

    private static Derive withConstants(Derive derive, Map<String, String> constants, String section) {
        if (derive == null) {
            return new Derive(constants, null, null);
        }
        Map<String, String> merged = new java.util.LinkedHashMap<>(constants);
        for (Map.Entry<String, String> e : derive.constants().entrySet()) {
            if (merged.containsKey(e.getKey())) {
                throw new IllegalArgumentException("constant \"" + e.getKey() + "\" is given both in constants: and in "
                        + section + ".derive.constants");
            }
            merged.put(e.getKey(), e.getValue());
        }
        return new Derive(merged, derive.extract(), derive.period());
    }

    /**
     * How the files of a file source are read; every setting is optional.
     *
     * @param separator CSV column separator: "," (default), ";" (Excel with a Vietnamese regional
     *     setting) or "tab" (csv only)
     * @param headerLine 1-based line (CSV) or row number as Excel shows it (XLSX) of the header
     *     row; 0 (default) for the first non-empty one, title rows above an explicit header are
     *     ignored (csv, xlsx)
     * @param sheet sheet to read, default the first (xlsx only)
     * @param derive values added to each record under {@value #DERIVED}, as for REST sources (e.g.
     *     {@code period: {from: "/Hạn xử lý"}}), or null
     */
    public record FileSource(String separator, Integer headerLine, String sheet, Derive derive) {
        /** Fills defaults and checks the settings. */
        public FileSource {
            headerLine = headerLine == null ? 0 : headerLine;
            if (headerLine < 0) {
                throw new IllegalArgumentException("file.headerLine must be 0 (first non-empty row) or a 1-based line, got "
                        + headerLine);
            }
            if (separator != null && !Set.of(",", ";", "tab").contains(separator)) {
                throw new IllegalArgumentException("file.separator \"" + separator + "\" is not \",\", \";\" or \"tab\"");
            }
        }

        /** @return the CSV separator character (',' by default). */
        public char separatorChar() {
            return separator == null ? ',' : "tab".equals(separator) ? '\t' : separator.charAt(0);
        }
    }

    /**
     * How a REST/JSON API is called and read. Every location in a response ({@code items},
     * totals, next link, cursor, token, updated time) is a JSON pointer or a JSONPath (see
     * {@link JsonLocator}).
     *
     * @param baseUrl scheme, host, port and optional base path, e.g. {@code ${IOFFICE_BASE_URL:http://127.0.0.1:9}}
     * @param path path of the list call under the base URL, e.g. "/qlvb/api/cong-viec/danh-sach/"
     * @param method GET (default) or POST (a POST list call sends no body; paging goes in the query)
     * @param query fixed query parameters sent on every page (placeholders allowed)
     * @param headers fixed request headers sent on every call (placeholders allowed)
     * @param items location of the records array in a page, e.g. "/PageData"; "" when the body is the array
     * @param auth authentication (default none)
     * @param paging pagination (default none: one call)
     * @param incremental incremental pull since a stored watermark, or null for a full pull every time
     * @param derive values kpi-bridge adds to each record under {@value #DERIVED}, or null
     */
    public record Rest(String baseUrl, String path, String method, Map<String, String> query,
            Map<String, String> headers, String items, Auth auth, Paging paging, Incremental incremental,
            Derive derive) {

        /** Fills defaults and checks the settings. */
        public Rest {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException("rest.baseUrl is required, e.g. ${IOFFICE_BASE_URL:http://127.0.0.1:9}");
            }
            path = path == null ? "" : path.trim();
            method = method == null ? "GET" : method.trim().toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("GET", "POST").contains(method)) {
                throw new IllegalArgumentException("rest.method \"" + method + "\" is not GET or POST");
            }
            query = ordered(query);
            headers = ordered(headers);
            items = items == null ? "" : items.trim();
            JsonLocator.check(items, "rest.items");
            auth = auth == null ? new Auth(null, null, null, null, null, null, null, null) : auth;
            paging = paging == null ? new Paging(null, null, null, null, null, null, null, null, null, null, null, null)
                    : paging;
        }
    }

    /**
     * Authentication of a REST source. Secrets must be placeholders ({@code ${IOFFICE_PASSWORD}})
     * resolved from the environment; they are never logged.
     *
     * <ul>
     *   <li>{@code none};</li>
     *   <li>{@code header}: a static header or API key, {@code header: X-API-Key}, {@code value: ${KEY}};</li>
     *   <li>{@code basic}: HTTP basic (RFC 7617) with {@code username} and {@code password};</li>
     *   <li>{@code login-token}: a login call ({@link Login}) returns a token, sent on every later
     *       call of the pull in {@code header} (default "Authorization") after {@code prefix}
     *       (default none), e.g. iOffice's {@code X-Authentication-Token};</li>
     *   <li>{@code oauth2-client-credentials}: RFC 6749 §4.4 token ({@link OAuth2}), sent as
     *       {@code Authorization: Bearer <token>}, cached until it expires.</li>
     * </ul>
     *
     * @param type one of the types above (default none)
     * @param header header name (header, login-token)
     * @param value header value (header)
     * @param username user name (basic)
     * @param password password (basic)
     * @param prefix text before the token in the header, e.g. "Bearer " (login-token)
     * @param login the login call (login-token)
     * @param oauth2 the token endpoint and client (oauth2-client-credentials)
     */
    public record Auth(String type, String header, String value, String username, String password, String prefix,
            Login login, OAuth2 oauth2) {
        /** No authentication. */
        public static final String NONE = "none";
        /** Static header or API key. */
        public static final String HEADER = "header";
        /** HTTP basic. */
        public static final String BASIC = "basic";
        /** Login call returning a token. */
        public static final String LOGIN_TOKEN = "login-token";
        /** OAuth2 client credentials. */
        public static final String OAUTH2 = "oauth2-client-credentials";

        /** Fills defaults and checks that the type's settings are present. */
        public Auth {
            type = type == null ? NONE : type.trim();
            switch (type) {
                case NONE -> {
                }
                case HEADER -> {
                    require(header, "rest.auth.header");
                    require(value, "rest.auth.value");
                }
                case BASIC -> {
                    require(username, "rest.auth.username");
                    require(password, "rest.auth.password");
                }
                case LOGIN_TOKEN -> {
                    if (login == null) {
                        throw new IllegalArgumentException("rest.auth type login-token needs a login: section");
                    }
                    header = header == null ? "Authorization" : header;
                    prefix = prefix == null ? "" : prefix;
                }
                case OAUTH2 -> {
                    if (oauth2 == null) {
                        throw new IllegalArgumentException("rest.auth type oauth2-client-credentials needs an oauth2: section");
                    }
                }
                default -> throw new IllegalArgumentException("rest.auth.type \"" + type + "\" is not one of none, header, "
                        + "basic, login-token, oauth2-client-credentials");
            }
        }
    }

    /**
     * The login call of {@code login-token} authentication.
     *
     * @param path path under the base URL, e.g. "/qlvb/api/login/v3/"
     * @param method POST (default) or GET
     * @param format body encoding: "json" (default, an object of the body fields) or "form"
     *     ({@code application/x-www-form-urlencoded})
     * @param body body fields, e.g. {@code username: ${IOFFICE_USERNAME}}, {@code password: ${IOFFICE_PASSWORD}}
     * @param token location of the token in the answer, e.g. "/data/token"
     */
    public record Login(String path, String method, String format, Map<String, String> body, String token) {
        /** Fills defaults and checks the settings. */
        public Login {
            require(path, "rest.auth.login.path");
            method = method == null ? "POST" : method.trim().toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("GET", "POST").contains(method)) {
                throw new IllegalArgumentException("rest.auth.login.method \"" + method + "\" is not GET or POST");
            }
            format = format == null ? "json" : format.trim();
            if (!Set.of("json", "form").contains(format)) {
                throw new IllegalArgumentException("rest.auth.login.format \"" + format + "\" is not json or form");
            }
            body = ordered(body);
            require(token, "rest.auth.login.token");
            JsonLocator.check(token, "rest.auth.login.token");
        }
    }

    /**
     * OAuth2 client credentials (RFC 6749 §4.4).
     *
     * @param tokenUrl token endpoint, absolute (placeholders allowed)
     * @param clientId client id (placeholder)
     * @param clientSecret client secret (placeholder)
     * @param scope requested scope, or null
     * @param clientAuth "basic" (default, RFC 6749 §2.3.1 HTTP basic) or "body" (client_id and
     *     client_secret in the form body)
     */
    public record OAuth2(String tokenUrl, String clientId, String clientSecret, String scope, String clientAuth) {
        /** Fills defaults and checks the settings. */
        public OAuth2 {
            require(tokenUrl, "rest.auth.oauth2.tokenUrl");
            require(clientId, "rest.auth.oauth2.clientId");
            require(clientSecret, "rest.auth.oauth2.clientSecret");
            clientAuth = clientAuth == null ? "basic" : clientAuth.trim();
            if (!Set.of("basic", "body").contains(clientAuth)) {
                throw new IllegalArgumentException("rest.auth.oauth2.clientAuth \"" + clientAuth + "\" is not basic or body");
            }
        }
    }

    /**
     * Pagination of the list call.
     *
     * <ul>
     *   <li>{@code none}: one call;</li>
     *   <li>{@code page}: {@code pageParam} (numbered from {@code firstPage}) and {@code sizeParam};
     *       stops after {@code totalPages} (location in the answer) pages, or at a page with
     *       fewer than {@code size} records when the answer has no total;</li>
     *   <li>{@code offset}: {@code offsetParam} (from 0) and {@code limitParam}; stops when the
     *       offset reaches {@code total} (location), or at a short page;</li>
     *   <li>{@code next-link}: follows the URL at {@code next} (location; relative URLs are
     *       resolved against the current one), or the RFC 8288 {@code Link: <...>; rel="next"}
     *       header when {@code next} is left out; stops when there is none;</li>
     *   <li>{@code cursor}: sends the value at {@code cursor} (location) as {@code cursorParam};
     *       stops when the answer has no cursor.</li>
     * </ul>
     * Every style also stops at an empty page.
     *
     * @param type one of the styles above (default none)
     * @param pageParam page number parameter (page)
     * @param sizeParam page size parameter (page; optional for next-link and cursor)
     * @param size records per page (default 50)
     * @param firstPage number of the first page (default 1)
     * @param totalPages location of the page count (page), optional
     * @param offsetParam offset parameter (offset)
     * @param limitParam limit parameter (offset)
     * @param total location of the total record count (offset), optional
     * @param next location of the next page's URL (next-link), optional
     * @param cursorParam cursor parameter (cursor)
     * @param cursor location of the next cursor (cursor)
     */
    public record Paging(String type, String pageParam, String sizeParam, Integer size, Integer firstPage,
            String totalPages, String offsetParam, String limitParam, String total, String next, String cursorParam,
            String cursor) {
        /** One call. */
        public static final String NONE = "none";
        /** Page number and size. */
        public static final String PAGE = "page";
        /** Offset and limit. */
        public static final String OFFSET = "offset";
        /** Next link in the body or Link header. */
        public static final String NEXT_LINK = "next-link";
        /** Opaque cursor. */
        public static final String CURSOR = "cursor";

        /** Fills defaults and checks that the style's settings are present. */
        public Paging {
            type = type == null ? NONE : type.trim();
            size = size == null ? 50 : size;
            firstPage = firstPage == null ? 1 : firstPage;
            if (size < 1) {
                throw new IllegalArgumentException("rest.paging.size must be at least 1, got " + size);
            }
            switch (type) {
                case NONE -> {
                }
                case PAGE -> {
                    require(pageParam, "rest.paging.pageParam");
                    require(sizeParam, "rest.paging.sizeParam");
                }
                case OFFSET -> {
                    require(offsetParam, "rest.paging.offsetParam");
                    require(limitParam, "rest.paging.limitParam");
                }
                case NEXT_LINK -> {
                }
                case CURSOR -> {
                    require(cursorParam, "rest.paging.cursorParam");
                    require(cursor, "rest.paging.cursor");
                }
                default -> throw new IllegalArgumentException("rest.paging.type \"" + type + "\" is not one of none, page, "
                        + "offset, next-link, cursor");
            }
            JsonLocator.check(totalPages, "rest.paging.totalPages");
            JsonLocator.check(total, "rest.paging.total");
            JsonLocator.check(next, "rest.paging.next");
            JsonLocator.check(cursor, "rest.paging.cursor");
        }
    }

    /**
     * Incremental pull: only records updated since the stored watermark of the source. The
     * watermark is the newest updated time among the records of the last complete pull; it is
     * advanced only after every page of a pull is stored, so an interrupted pull is resumed from
     * the old watermark (records already stored are recognised by id and version and not stored
     * again).
     *
     * @param updatedField location of the record's last-updated time, e.g. "/NgayCapNhat"
     * @param formats patterns of that time, tried in order after ISO-8601 (default
     *     "yyyy/MM/dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss"; the mapping's date formats are tried last,
     *     as midnight); a number is read as epoch milliseconds
     * @param param query parameter carrying the watermark to the server (server-side filter); when
     *     left out, records older than the watermark are dropped after reading (client-side filter)
     * @param paramFormat pattern of {@code param}'s value (default ISO-8601 "yyyy-MM-dd'T'HH:mm:ss")
     * @param initial watermark of the first pull (ISO date or date-time), or null to take everything
     * @param zone time zone of offset-less times and of epoch numbers (default Asia/Ho_Chi_Minh)
     */
    public record Incremental(String updatedField, List<String> formats, String param, String paramFormat,
            String initial, String zone) {
        /** Fills defaults and checks the settings. */
        public Incremental {
            require(updatedField, "rest.incremental.updatedField");
            JsonLocator.check(updatedField, "rest.incremental.updatedField");
            formats = formats == null ? List.of("yyyy/MM/dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss") : List.copyOf(formats);
            paramFormat = paramFormat == null ? "yyyy-MM-dd'T'HH:mm:ss" : paramFormat;
            zone = zone == null ? "Asia/Ho_Chi_Minh" : zone;
            try {
                java.time.format.DateTimeFormatter.ofPattern(paramFormat);
                for (String f : formats) {
                    java.time.format.DateTimeFormatter.ofPattern(f);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rest.incremental: bad date/time pattern: " + e.getMessage(), e);
            }
            try {
                java.time.ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("rest.incremental.zone \"" + zone + "\" is not a time zone id", e);
            }
            if (initial != null) {
                UpdatedTimes.parseIso(initial, "rest.incremental.initial");
            }
        }
    }

    /**
     * Values kpi-bridge adds to each pulled record, in an object {@value #DERIVED} next to the
     * record's own fields (which are kept unchanged as evidence), so that the field map can point at
     * them: {@code fields: {type: /_derived/loai, period: /_derived/period}}. Besides the names
     * configured here, {@code _derived} holds {@code updatedAt} (ISO) and {@code version}
     * ({@code yyyyMMddHHmmss} of the updated time, so a record changed at the source is a new
     * version) whenever the source has an updated time.
     *
     * @param constants name -> fixed value, e.g. {@code loai: CONG_VIEC} for an API of tasks only
     * @param extract name -> JSON pointer or JSONPath into the record, e.g.
     *     {@code heSoChatLuong: "$.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')].HeSo"}; an expression
     *     matching several values gives the first
     * @param period the period from a date of the record, written as {@code _derived.period}
     */
    public record Derive(Map<String, String> constants, Map<String, String> extract, PeriodFrom period) {
        private static final Set<String> RESERVED = Set.of("period", "version", "updatedAt");

        /** Fills defaults and checks names and expressions. */
        public Derive {
            constants = ordered(constants);
            extract = ordered(extract);
            for (String n : constants.keySet()) {
                name(n, "derive.constants");
            }
            for (Map.Entry<String, String> e : extract.entrySet()) {
                name(e.getKey(), "derive.extract");
                if (constants.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("derive: \"" + e.getKey() + "\" is both a constant and extracted");
                }
                JsonLocator.check(e.getValue(), "derive.extract." + e.getKey());
            }
        }

        private static void name(String n, String setting) {
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException(setting + ": name \"" + n + "\" must be letters, digits and _");
            }
            if (RESERVED.contains(n)) {
                throw new IllegalArgumentException(setting + ": name \"" + n + "\" is reserved (" + RESERVED + ")");
            }
        }
    }

    /**
     * The period of a record from one of its dates.
     *
     * @param from location of the date, e.g. "/HanXuLy"; read with the mapping's date formats
     * @param granularity "quarter" (default, "2026-Q2") or "month" ("2026-06")
     */
    public record PeriodFrom(String from, String granularity) {
        /** Fills defaults and checks the settings. */
        public PeriodFrom {
            require(from, "derive.period.from");
            JsonLocator.check(from, "derive.period.from");
            granularity = granularity == null ? "quarter" : granularity.trim();
            if (!Set.of("quarter", "month").contains(granularity)) {
                throw new IllegalArgumentException("derive.period.granularity \"" + granularity + "\" is not quarter or month");
            }
        }
    }

    /**
     * How a view of a legacy database is polled. The query is built from the names given here
     * (checked to be plain SQL identifiers) and the watermark is a bound parameter:
     * {@code select * from <view> where <watermarkColumn> >= ? order by <watermarkColumn>}.
     *
     * @param datasource name of the database connection: {@code kpi.sources.datasources.<name>.url},
     *     {@code username}, {@code password} (from the environment); a source whose connection is
     *     not configured fails its pulls with that message and does not stop the application
     * @param view view (or table), optionally schema-qualified, e.g. "qlcv.v_cong_viec_kpi"
     * @param watermarkColumn timestamp column of the last change, e.g. "ngay_cap_nhat"
     * @param batchSize rows per stored batch (default 500)
     * @param initial watermark of the first poll (ISO date or date-time), default 1900-01-01
     * @param derive values added to each row's record, as for REST sources, or null
     */
    public record Sql(String datasource, String view, String watermarkColumn, Integer batchSize, String initial,
            Derive derive) {
        /** Fills defaults and checks names. */
        public Sql {
            require(datasource, "sql.datasource");
            require(view, "sql.view");
            require(watermarkColumn, "sql.watermarkColumn");
            if (!SQL_NAME.matcher(view.trim()).matches()) {
                throw new IllegalArgumentException("sql.view \"" + view + "\" must be a plain name or schema.name");
            }
            if (!NAME.matcher(watermarkColumn.trim()).matches() && !watermarkColumn.trim().matches("_[A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("sql.watermarkColumn \"" + watermarkColumn + "\" must be a plain column name");
            }
            view = view.trim();
            watermarkColumn = watermarkColumn.trim();
            batchSize = batchSize == null ? 500 : batchSize;
            if (initial != null) {
                UpdatedTimes.parseIso(initial, "sql.initial");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("sql.batchSize must be at least 1, got " + batchSize);
            }
        }
    }

    /** An unmodifiable copy that keeps the file's order (query parameters, body fields, names). */
    private static Map<String, String> ordered(Map<String, String> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
    }

    private static void require(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required");
        }
    }
}
