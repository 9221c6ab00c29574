package vn.kpibridge.routes.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.CatalogVersions;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.IdentityMap;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Scheme;

/**
 * Every source the administrators configured under {@code mappings/sources/}, with its catalog,
 * product rules, identity map and scheme, loaded once at start-up. A file that does not load
 * stops the start with its file, line and reason (a wrong mapping must not score anyone).
 */
@Component
public class MappingRegistry {
    private static final Logger log = LoggerFactory.getLogger(MappingRegistry.class);

    /**
     * Everything needed to take in one source's records.
     *
     * @param mapping the source mapping file
     * @param normalizer normaliser built from its field map
     * @param catalog the catalog versions
     * @param rules the product rules
     * @param identities source user -> employee
     * @param scheme the scoring scheme
     */
    public record SourceSetup(SourceMapping mapping, RecordNormalizer normalizer, CatalogVersions catalog,
            ProductRuleEngine rules, IdentityMap identities, Scheme scheme) {
    }

    private final Map<String, SourceSetup> sources = new LinkedHashMap<>();

    /**
     * @param props the kpi properties (mappings and schemes folders)
     * @throws MappingFileException when a mapping, catalog, rule, identity or scheme file is invalid
     * @throws IllegalStateException when the mappings folder has no source
     */
    public MappingRegistry(KpiProperties props) throws IOException {
        MappingFiles files = new MappingFiles();
        Map<Path, CatalogVersions> catalogs = new java.util.HashMap<>();
        Path mappings = props.mappingsPath();
        Path sourcesDir = mappings.resolve("sources");
        if (!Files.isDirectory(sourcesDir)) {
            throw new IllegalStateException("no source mappings: folder " + sourcesDir.toAbsolutePath()
                    + " does not exist (set kpi.mappings-dir)");
        }
        List<Path> sourceFiles;
        try (Stream<Path> s = Files.list(sourcesDir)) {
            sourceFiles = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : sourceFiles) {
            SourceMapping m = files.loadSource(f);
            if (m.id() == null || m.id().isBlank()) {
                throw new MappingFileException(f.toString(), 0, "source mapping has no id", null);
            }
            // several sources may share a catalog: load (and warn about) each file once
            CatalogVersions catalog = catalogs.computeIfAbsent(mappings.resolve(m.catalog()).normalize(), p -> {
                CatalogVersions loaded = files.loadCatalog(p);
                for (Catalog c : loaded.versions()) {
                    c.inconsistencies().forEach(w -> log.warn("Catalog {} v{}: {}", c.id(), c.version(), w));
                }
                return loaded;
            });
            Path schemeFile = props.schemesPath().resolve(m.scheme() + ".yml");
            SourceSetup setup = new SourceSetup(m, new RecordNormalizer(m), catalog,
                    files.loadRules(mappings.resolve(m.productRules())),
                    files.loadIdentities(mappings.resolve(m.identities())), files.loadScheme(schemeFile));
            if (sources.put(m.id(), setup) != null) {
                throw new MappingFileException(f.toString(), 0, "duplicate source id " + m.id(), null);
            }
            log.info("Source {} loaded: catalog {} ({} versions), {} rules, {} identities, scheme {}", m.id(),
                    catalog.id(), catalog.versions().size(), setup.rules().rules().size(),
                    setup.identities().bySourceUser().size(), setup.scheme().id());
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no source mappings in " + sourcesDir.toAbsolutePath());
        }
    }

    /** @return the setup of a source id, if configured. */
    public Optional<SourceSetup> source(String sourceId) {
        return Optional.ofNullable(sources.get(sourceId));
    }

    /** @return all configured sources by id, in file order. */
    public Map<String, SourceSetup> sources() {
        return Map.copyOf(sources);
    }
}
