package saddlesweep.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import saddlesweep.committee.CommitteeRunSummary;

/** The JSON form of results: record components in snake_case, the column names of the tables. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A committee machine's run as JSON fields: its summary's, with GD's fate in the runs table's {@code gd_*} fields at
     * the same level (as a scalar run's), not under {@code gd}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> committeeRun(CommitteeRunSummary s) {
        Map<String, Object> fields = MAPPER.convertValue(s, LinkedHashMap.class);
        Object gd = fields.remove("gd");
        if (gd instanceof Map<?, ?> g) g.forEach((k, v) -> fields.put((String) k, v));
        return fields;
    }
}
