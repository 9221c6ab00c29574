package vn.kpibridge.routes.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.YamlLines;

/**
 * Reads target mapping files ({@code mappings/targets/*.yml}) with Jackson's YAML binding, strict
 * (an unknown key is an error).
 */
public final class TargetMappingFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TargetMappingFiles() {
    }

    /**
     * @param file the mapping file
     * @return the checked mapping
     * @throws MappingFileException naming the file, the line (when the parser knows it) and the
     *     reason: unreadable YAML, an unknown key, a missing setting, an unknown our-field
     */
    public static TargetMapping load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            TargetMapping m = YAML.readValue(r, TargetMapping.class);
            if (m == null) {
                throw new MappingFileException(file.toString(), 0, "file is empty", null);
            }
            return m;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MappingFileException(file.toString(), YamlLines.keyLine(file, e), cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new MappingFileException(file.toString(), YamlLines.keyLine(file, e), e.getOriginalMessage() + " (at "
                    + e.getPathReference().replace("vn.kpibridge.routes.target.", "") + ")", e);
        } catch (JsonProcessingException e) {
            throw new MappingFileException(file.toString(), line(e), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingFileException(file.toString(), 0, "cannot read: " + e, e);
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
