package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The job files shown in README.md and docs/jobs.md are valid jobs of the size the text says. */
class DocumentedJobsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```yaml\\n(.*?)```");

    private static List<String> yamlBlocks(String file) throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of(file)));
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @Test
    void readmeExampleParses() throws IOException {
        List<String> blocks = yamlBlocks("README.md");
        assertEquals(1, blocks.size());
        SweepJob job = JobParser.parse(blocks.get(0), "README.md", false);
        assertEquals(2 * 2 * 4 * 4 * 3, job.size());
        assertEquals(3, job.initScale().size());
    }

    @Test
    void jobsPageExamplesParse() throws IOException {
        List<String> blocks = yamlBlocks("docs/jobs.md");
        assertEquals(2, blocks.size());
        assertEquals(2 * 2 * 3, JobParser.parse(blocks.get(0), "docs/jobs.md", false).size());
        SweepJob knobs = JobParser.parse(blocks.get(1), "docs/jobs.md", false);
        assertEquals(144, knobs.size(), "2 teachers x 2 input_std x 3 eta x 2 init_scale x 2 n x 3 seeds");
        assertTrue(knobs.eta().isRange());
    }
}
