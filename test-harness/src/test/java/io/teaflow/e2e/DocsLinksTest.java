package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md and the API reference in docs/ link only to files inside the repository (a reader of a
 * clone or of the npm package has nothing else), and every link and #anchor leads somewhere.
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.*)$");

    @Test
    void everyLinkOfTheReadmeAndTheReferenceLeadsToAFileOfTheRepository() throws IOException {
        Path root = RepoRoot.path();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 5, "docs/ holds the reference pages: " + pages);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            if (text.contains("shared/spec") || text.contains("/work/")) {
                broken.add(root.relativize(page) + " names a file outside the repository");
            }
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                String link = links.group(1);
                if (link.startsWith("https://") || link.startsWith("http://")) {
                    continue;
                }
                String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(root) || !Files.exists(target)) {
                    broken.add(root.relativize(page) + ": " + link + " leads to no file of the repository");
                } else if (anchor != null && !anchors(Files.readString(target)).contains(anchor)) {
                    broken.add(root.relativize(page) + ": " + link + " names no heading of " + root.relativize(target));
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes. */
    private static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        Matcher headings = HEADING.matcher(markdown);
        while (headings.find()) {
            anchors.add(headings.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
