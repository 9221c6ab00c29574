package vn.kpibridge.routes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.kpibridge.routes.api.ApiProblem;
import vn.kpibridge.routes.scoring.ScoringPreview;

/**
 * The {@code score} command: {@code score <request.json> [--out=<response.json>]
 * [--schemes=config/schemes] [--mappings=mappings]}. Reads an evaluation request (see
 * {@code samples/scoring/}), scores it and prints (or writes) the response JSON, then a one-line
 * summary per employee on standard error. Runs without database or broker.
 *
 * <p>Exit codes: 0 scored; 64 usage error; 65 invalid request (the message names the field);
 * 66 request file missing.
 */
public final class ScoreCommand {
    private ScoreCommand() {
    }

    /**
     * @param args the command's arguments (after "score")
     * @param out where the response goes when no --out is given
     * @param err where messages go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String request = null;
        Path outFile = null;
        Path schemes = Path.of("config/schemes");
        Path mappings = Path.of("mappings");
        for (String a : args) {
            if (a.startsWith("--out=")) {
                outFile = Path.of(a.substring(6));
            } else if (a.startsWith("--schemes=")) {
                schemes = Path.of(a.substring(10));
            } else if (a.startsWith("--mappings=")) {
                mappings = Path.of(a.substring(11));
            } else if (a.startsWith("--")) {
                err.println("score: unknown option " + a);
                return 64;
            } else if (request == null) {
                request = a;
            } else {
                err.println("score: one request file only");
                return 64;
            }
        }
        if (request == null) {
            err.println("usage: score <request.json> [--out=<response.json>] [--schemes=<dir>] [--mappings=<dir>]");
            return 64;
        }
        Path file = Path.of(request);
        if (!Files.isRegularFile(file)) {
            err.println("score: " + file.toAbsolutePath() + " does not exist");
            return 66;
        }
        try {
            String response = new ScoringPreview(schemes, mappings).score(Files.readString(file, StandardCharsets.UTF_8));
            if (outFile == null) {
                out.println(response);
            } else {
                Files.writeString(outFile, response, StandardCharsets.UTF_8);
                err.println("score: response written to " + outFile.toAbsolutePath());
            }
            summary(response, err);
            return 0;
        } catch (ApiProblem p) {
            err.println("score: " + file + ": " + p.getMessage());
            return 65;
        } catch (IOException e) {
            err.println("score: " + e.getMessage());
            return 66;
        }
    }

    private static void summary(String response, PrintStream err) throws IOException {
        var root = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(response);
        for (var unit : root.path("units")) {
            for (var r : unit.path("results")) {
                var d = r.path("display");
                err.printf("%s %-12s %-28s %7s %-14s %-14s %s%n", root.path("period").asText(),
                        r.path("employeeId").asText(), r.path("fullName").asText(),
                        d.has("totalPoints") ? d.get("totalPoints").decimalValue()
                                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : "-",
                        d.path("pointsBand").asText("-"),
                        d.path("finalProposedRating").asText("-"), r.path("eligibility").path("status").asText());
            }
        }
    }
}
