package org.dhrtracker.register.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The agencies a plan may name, by code, full name and the other names plans use for them: the
 * owning body of a group of rows ("George Eliot Hospital") or the tag an action cell starts with
 * ("POLICE:", "Children's Services:"). Configured by {@code dhr.plan.agencies}, a CSV file with
 * the columns Code, Name, Also known as (names separated by |).
 */
@Component
public class AgencyDirectory {

    /** An agency of the directory. */
    public record Agency(String code, String name) {
    }

    private final Map<String, Agency> byName = new LinkedHashMap<>();

    public AgencyDirectory(@Value("${dhr.plan.agencies:classpath:plan/agencies.csv}") Resource file) {
        try (Reader in = new java.io.InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Agency agency = new Agency(r.get("Code").strip(), r.get("Name").strip());
                byName.put(normal(agency.code()), agency);
                byName.put(normal(agency.name()), agency);
                for (String alias : r.get("Also known as").split("\\|")) {
                    if (!alias.isBlank()) {
                        byName.putIfAbsent(normal(alias), agency);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agency list " + file, e);
        }
    }

    /** The agency a name, code or tag stands for. */
    public Optional<Agency> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normal(name)));
    }

    /** The agency whose name or code the text starts with ("MARAC Steering Group to audit ..."), the longest that fits. */
    public Optional<Agency> findAtStart(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = normal(text) + " ";
        return byName.entrySet().stream().filter(e -> t.startsWith(e.getKey() + " "))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    /** Names compare without case, punctuation, typographic quotes or dashes, and "the". */
    static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9' ]", " ").replace("'", "")
                .replaceAll("\\bthe\\b", " ");
        return n.replaceAll("\\s+", " ").strip();
    }
}
