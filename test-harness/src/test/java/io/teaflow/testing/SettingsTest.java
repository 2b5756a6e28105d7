package io.teaflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the folder, the browser and the backends come from, and the errors for bad ones: no browser needed. */
class SettingsTest {
    @TeaflowPages(root = "site", chromium = "/opt/annotated/chromium", backends = "wasm")
    private static final class Annotated {
    }

    private static final TeaflowPages ANNOTATED = Annotated.class.getAnnotation(TeaflowPages.class);

    @TeaflowPages
    private static final class Plain {
    }

    private static final TeaflowPages PLAIN = Plain.class.getAnnotation(TeaflowPages.class);

    @Test
    void defaults() {
        Settings settings = Settings.of(null, Map.of(), Map.of());
        assertEquals(Paths.get("target/teaflow").toAbsolutePath(), settings.root());
        assertEquals(Paths.get("/usr/bin/chromium"), settings.chromium());
        assertEquals(List.of("js", "wasm"), settings.backends());
        assertEquals(settings, Settings.of(PLAIN, Map.of(), Map.of()), "an annotation with nothing set changes nothing");
    }

    @Test
    void theAnnotationNamesTheFolderButTheMachineNamesTheBrowserAndBackends() {
        Map<String, String> properties = Map.of("teaflow.pages.root", "/elsewhere", "teaflow.chromium", "/opt/property/chromium",
                "teaflow.backends", " js , ");
        Settings settings = Settings.of(ANNOTATED, properties, Map.of("TEAFLOW_CHROMIUM", "/opt/env/chromium"));
        assertEquals(Paths.get("site").toAbsolutePath(), settings.root());
        assertEquals(Paths.get("/opt/property/chromium"), settings.chromium());
        assertEquals(List.of("js"), settings.backends());

        Settings withoutProperties = Settings.of(ANNOTATED, Map.of(), Map.of("TEAFLOW_CHROMIUM", "/opt/env/chromium"));
        assertEquals(Paths.get("/opt/env/chromium"), withoutProperties.chromium());
        assertEquals(List.of("wasm"), withoutProperties.backends());
        assertEquals(Paths.get("/opt/annotated/chromium"), Settings.of(ANNOTATED, Map.of(), Map.of()).chromium());
        assertEquals(Paths.get("/elsewhere"), Settings.of(PLAIN, properties, Map.of()).root(), "the property when no annotation names one");
    }

    @Test
    void unknownOrNoBackendsAreRefusedNamingWhereTheyCameFrom() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(null, Map.of("teaflow.backends", "js,native"), Map.of()));
        assertEquals("unknown backend(s) [native] in -Dteaflow.backends=js,native (known: js, wasm)", unknown.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(null, Map.of("teaflow.backends", " , "), Map.of()));
        assertEquals("no backend selected by -Dteaflow.backends= ,  (known: js, wasm)", none.getMessage());
        assertEquals(List.of("js"), Settings.of(null, Map.of("teaflow.backends", "js,js"), Map.of()).backends(), "duplicates once");
    }

    @Test
    void aMissingFolderSaysHowToMakeIt(@TempDir Path temp) {
        Settings settings = Settings.of(null, Map.of("teaflow.pages.root", temp.resolve("absent").toString()), Map.of());
        IllegalStateException missing = assertThrows(IllegalStateException.class, settings::requireRoot);
        assertTrue(missing.getMessage().startsWith("Teaflow page tests serve " + temp.resolve("absent") + ", which is not a directory"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("bundle"), missing.getMessage());
        assertEquals(temp, Settings.of(null, Map.of("teaflow.pages.root", temp.toString()), Map.of()).requireRoot());
    }

    @Test
    void aMissingChromiumSaysHowToInstallIt(@TempDir Path temp) {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Chromium.requireExecutable(temp.resolve("chromium")));
        assertTrue(missing.getMessage().startsWith("no Chromium at " + temp.resolve("chromium")), missing.getMessage());
        assertTrue(missing.getMessage().contains("apt-get install -y chromium"), missing.getMessage());
        assertTrue(missing.getMessage().contains("-Dteaflow.chromium"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> Chromium.requireExecutable(temp), "a directory is no browser");
    }
}
