package org.dhrtracker.register.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The headers each plan column is recognised by: the built-in synonyms of layouts A and B, plus
 * any a partnership configures, e.g. {@code dhr.plan.synonyms.progress=Position at|RAG update}.
 */
@Component
public class PlanSynonyms {

    private final Map<PlanColumn, List<String>> synonyms = new EnumMap<>(PlanColumn.class);

    public PlanSynonyms(Environment env) {
        for (PlanColumn c : PlanColumn.values()) {
            List<String> all = new ArrayList<>(c.synonyms());
            String extra = env.getProperty("dhr.plan.synonyms." + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (extra != null) {
                Arrays.stream(extra.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).forEach(all::add);
            }
            synonyms.put(c, List.copyOf(all));
        }
    }

    public Map<PlanColumn, List<String>> all() {
        return synonyms;
    }
}
