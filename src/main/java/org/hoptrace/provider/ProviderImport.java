package org.hoptrace.provider;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports providers from CSV (docs/providers.md): a header row names the columns, in any order;
 * every other row is one provider. A row is imported whole or not at all, and a rejected row is
 * reported with its line and every reason. A row whose filer id is already registered is rejected,
 * unless the mode is {@link Mode#UPSERT}, which updates that provider. The accepted rows are written
 * in one transaction.
 */
@Service
public class ProviderImport {

    public enum Mode {
        CREATE, UPSERT;

        public static Mode ofCode(String code) {
            return code == null || code.isBlank() ? CREATE : valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** Column -> the draft field it fills. */
    static final Map<String, String> COLUMNS = columns("legal_name", "legalName", "filer_499_id", "filer499Id",
            "rmd_number", "rmdNumber", "country", "country", "role", "role", "contact_emails", "contactEmails",
            "contact_phone", "contactPhone", "webhook_url", "webhookUrl");
    static final List<String> REQUIRED = List.of("legal_name", "country", "role", "contact_emails");
    public static final int MAX_ROWS = 5000;
    public static final int MAX_BYTES = 1024 * 1024;

    private record Planned(int line, ProviderDraft draft, Provider existing) {
    }

    private final ProviderService service;
    private final ProviderRepository providers;

    ProviderImport(ProviderService service, ProviderRepository providers) {
        this.service = service;
        this.providers = providers;
    }

    /** Imports a file of UTF-8 text, at most {@value #MAX_BYTES} bytes. */
    @Transactional
    public ImportReport importCsv(byte[] file, Mode mode) {
        if (file.length > MAX_BYTES) {
            throw new ImportFileException(List.of("the file is larger than " + MAX_BYTES / 1024 + " KB; split it"));
        }
        try {
            return importCsv(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString(), mode);
        } catch (CharacterCodingException e) {
            throw new ImportFileException(List.of("the file is not UTF-8 text; save it as \"CSV UTF-8\""));
        }
    }

    /** @throws ImportFileException the file as a whole cannot be read (nothing is imported) */
    @Transactional
    public ImportReport importCsv(String csv, Mode mode) {
        List<CsvReader.Row> rows = CsvReader.read(csv).stream().filter(row -> !row.isBlank()).toList();
        Map<String, Integer> header = header(rows);
        if (rows.size() - 1 > MAX_ROWS) {
            throw new ImportFileException(List.of("at most " + MAX_ROWS + " rows per file, this one has " + (rows.size() - 1)));
        }
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            List<String> reasons = new ArrayList<>();
            Provider existing = null;
            if (row.malformed() != null) {
                reasons.add(row.malformed());
            } else if (row.fields().size() != rows.get(0).fields().size()) {
                reasons.add("has " + row.fields().size() + " fields, the header has " + rows.get(0).fields().size());
            } else {
                ProviderDraft draft = draft(header, row).normalised();
                draft.problems().forEach((field, message) -> reasons.add(column(field) + ": " + message));
                String key = draft.filer499Id() != null ? "filer_499_id " + draft.filer499Id()
                        : draft.legalName() != null ? "legal name and country " + draft.legalName() + " (" + draft.country() + ")"
                        : null;
                Integer earlier = key == null ? null : seen.putIfAbsent(key.toLowerCase(Locale.ROOT), row.line());
                if (earlier != null) {
                    reasons.add("same " + key + " as line " + earlier);
                }
                if (draft.filer499Id() != null) {
                    existing = providers.findByFilerId(draft.filer499Id()).orElse(null);
                    if (existing != null && mode == Mode.CREATE) {
                        reasons.add("filer_499_id " + draft.filer499Id() + " is already registered (provider "
                                + existing.legalName() + "); import with mode upsert to update it");
                    }
                }
                if (reasons.isEmpty()) {
                    planned.add(new Planned(row.line(), draft, existing));
                }
            }
            if (!reasons.isEmpty()) {
                rejected.add(new ImportReport.Rejected(row.line(), reasons));
            }
        }
        List<ImportReport.Imported> imported = planned.stream().map(this::write).toList();
        return new ImportReport(imported.size(), imported, rejected, ignored(header));
    }

    private ImportReport.Imported write(Planned row) {
        ProviderService.Saved saved = row.existing() == null ? service.create(row.draft())
                : service.update(row.existing().id(), row.draft());
        return new ImportReport.Imported(row.line(), saved.provider().id(), saved.provider().legalName(),
                row.existing() == null ? "created" : "updated", saved.generatedWebhookSecret());
    }

    /** Column name -> field index; the header must be well-formed, name each column once and have the required ones. */
    private static Map<String, Integer> header(List<CsvReader.Row> rows) {
        if (rows.isEmpty()) {
            throw new ImportFileException(List.of("the file is empty; the first line must name the columns"));
        }
        CsvReader.Row first = rows.get(0);
        List<String> problems = new ArrayList<>();
        if (first.malformed() != null) {
            problems.add("line 1 (the header): " + first.malformed());
        }
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < first.fields().size(); i++) {
            String name = first.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (header.putIfAbsent(name, i) != null) {
                problems.add("the header names column " + name + " twice");
            }
        }
        REQUIRED.stream().filter(required -> !header.containsKey(required))
                .forEach(missing -> problems.add("the header has no column " + missing));
        if (!problems.isEmpty()) {
            throw new ImportFileException(problems);
        }
        return header;
    }

    private static List<String> ignored(Map<String, Integer> header) {
        return header.keySet().stream().filter(name -> !COLUMNS.containsKey(name))
                .map(name -> name.isEmpty() ? "(column " + (header.get(name) + 1) + " has no name)" : name).toList();
    }

    private static ProviderDraft draft(Map<String, Integer> header, CsvReader.Row row) {
        String emails = value(header, row, "contact_emails").orElse("");
        return new ProviderDraft(value(header, row, "legal_name").orElse(null), value(header, row, "filer_499_id").orElse(null),
                value(header, row, "rmd_number").orElse(null), value(header, row, "country").orElse(null),
                value(header, row, "role").orElse(null), Arrays.asList(emails.split("[;,]")),
                value(header, row, "contact_phone").orElse(null), value(header, row, "webhook_url").orElse(null),
                null, true);
    }

    private static Optional<String> value(Map<String, Integer> header, CsvReader.Row row, String column) {
        return Optional.ofNullable(header.get(column)).map(row.fields()::get);
    }

    private static String column(String field) {
        return COLUMNS.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
                .findFirst().orElse(field);
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(columns);
    }
}
