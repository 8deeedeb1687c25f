package dev.vbp.domain.instruments;

import java.util.LinkedHashMap;
import java.util.Map;

/** The value a rule has in one policy, and where it comes from: a document, "setting; not confirmed", or FILE:LINE. */
public record RuleValue(Object value, String source) {
    /** How the assumptions of a report show it: {@code {"value": 0.3, "source": "医保发〔2019〕18号"}}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("source", source);
        return m;
    }
}
