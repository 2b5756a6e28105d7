package io.teaflow.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The text transforms of the bundle: typings, the wasm loader patch, the shifted source map. */
class AssemblyTextTest {
    private static final String TYPES = "/** Teaflow. */\n\nexport declare function init(): void;\n"
            + "\n// @esm-only-start\nexport default Teaflow;\n// @esm-only-end\n\nexport as namespace Teaflow;\n";

    @Test
    void commonJsTypingsAreOneNamespaceBehindExportEquals() {
        String types = TypingsWriter.commonJs(TYPES);
        assertTrue(types.contains("declare namespace Teaflow {\nexport function init(): void;\n"), types);
        assertTrue(types.endsWith("}\n\nexport = Teaflow;\nexport as namespace Teaflow;\n"), types);
        assertTrue(!types.contains("export default"), types);
    }

    @Test
    void esModuleTypingsKeepTheDefaultExportAndDropTheGlobal() {
        String types = TypingsWriter.esModule(TYPES);
        assertTrue(types.contains("export default Teaflow;") && !types.contains("export as namespace")
                && !types.contains("@esm-only"), types);
    }

    @Test
    void typingsWithoutTheirMarkersAreAnError() {
        assertThrows(IllegalStateException.class, () -> TypingsWriter.commonJs("export declare function init(): void;\n"));
    }

    @Test
    void theWasmLoadersImportsAreHiddenFromBundlers() {
        String patched = WasmLoaderPatch.forBundlers("a=import(\"node:fs/promises\");b=import(url);c=import(x[0]);");
        assertEquals("a=import(/* webpackIgnore: true */ /* @vite-ignore */ [\"node:fs\", \"promises\"].join(\"/\"));"
                + "b=import(/* webpackIgnore: true */ /* @vite-ignore */ url);"
                + "c=import(/* webpackIgnore: true */ /* @vite-ignore */ x[0]);", patched);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WasmLoaderPatch.forBundlers("import(url)"));
        assertTrue(e.getMessage().contains("TeaVM changed its loader?"), e.getMessage());
    }

    @Test
    void objectArraysAreFilledByALoopAndTheLineKeepsItsColumns() {
        String minified = "x=1;\nlet Bp=(cls,sz)=>{let data=new Array(sz);data.fill(null);return new (CB(cls))(data);},Q=2;\n";
        String patched = JsArrayCreationPatch.withLoopFilledArrays(minified);
        String[] lines = patched.split("\n");
        assertEquals("let Bp=(cls,sz)=>{let data=new Array(sz);Tf$nul(data,sz);return new (CB(cls))(data);},Q=2;", lines[1]);
        assertEquals(minified.split("\n")[1].length(), lines[1].length(), "columns after the patch moved");
        assertEquals("function Tf$nul(a,n){for(let i=0;i<n;i++)a[i]=null;}", lines[2]);
        String readable = "let $rt_createArray = (cls, sz) => {\n    let data = new teavm_globals.Array(sz);\n    data.fill(null);\n";
        assertTrue(JsArrayCreationPatch.withLoopFilledArrays(readable).contains("Array(sz);\n    Tf$nul(data,sz);\n"));
    }

    @Test
    void theArrayCreationPatchRefusesOutputItDoesNotKnow() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> JsArrayCreationPatch.withLoopFilledArrays("let a=new Array(n);a.fill(0);"));
        assertTrue(missing.getMessage().contains("TeaVM changed its runtime?"), missing.getMessage());
        String twice = "let data=new Array(sz);data.fill(null);let data=new Array(sz);data.fill(null);";
        assertTrue(assertThrows(IllegalStateException.class, () -> JsArrayCreationPatch.withLoopFilledArrays(twice))
                .getMessage().contains("more than one"));
        String taken = "let data=new Array(sz);data.fill(null);var Tf$nul=1;";
        assertTrue(assertThrows(IllegalStateException.class, () -> JsArrayCreationPatch.withLoopFilledArrays(taken))
                .getMessage().contains("already uses the name Tf$nul"));
    }

    @Test
    void theWasmLoaderTakesACompiledModule() {
        String loader = "async function compileModule(src, isNodeJs) {\n  if (typeof src !== \"string\") {\n"
                + "    return await WebAssembly.compile(src, {});\n  }\n}\nexport { load };";
        String patched = WasmLoaderPatch.acceptingCompiledModules(loader);
        assertEquals("async function compileModule(src, isNodeJs) {\n  if (src instanceof WebAssembly.Module) { return src; }"
                + "if (typeof src !== \"string\") {\n    return await WebAssembly.compile(src, {});\n  }\n}\nexport { load };"
                + "\nexport const teaflowAcceptsCompiledModule = true;\n", patched);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> WasmLoaderPatch.acceptingCompiledModules("async function f(a, b) { return a; }"));
        assertTrue(missing.getMessage().contains("TeaVM changed its loader?"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> WasmLoaderPatch.acceptingCompiledModules(loader + loader));
    }

    @Test
    void bothOfTeaVMsWasmLoadersArePatched() {
        WebResources teavm = new WebResources(AssemblyTextTest.class.getClassLoader());
        for (boolean minified : new boolean[] {true, false}) {
            String patched = WasmLoaderPatch.forTeaflow(teavm.wasmRuntime(minified));
            assertTrue(patched.contains(" instanceof WebAssembly.Module) { return ")
                    && patched.endsWith("export const teaflowAcceptsCompiledModule = true;\n"), "minified " + minified);
        }
    }

    @Test
    void theSourceMapShiftsByTheWrappersLinesAndInlinesKnownSources() {
        String teavmMap = "{\"version\":3,\"sources\":[\"io/teaflow/A.java\",\"app/B.java\",\"java/lang/C.java\"],"
                + "\"names\":[],\"mappings\":\"AAAA\"}";
        SourceMapShifter shifter = new SourceMapShifter(teavmMap, path -> switch (path) {
            case "io/teaflow/A.java" -> new SourceMapShifter.SourceFile("class A {}", true);
            case "app/B.java" -> new SourceMapShifter.SourceFile("class B { \"<&>\" }", false);
            default -> null;
        });
        String map = shifter.mapFor("out.js", "// one\n// two\nCORE\n", "CORE\n");
        assertEquals("{\"version\":3,\"file\":\"out.js\",\"sources\":[\"teaflow:///io/teaflow/A.java\",\"app:///app/B.java\","
                + "\"teavm:///java/lang/C.java\"],\"sourcesContent\":[\"class A {}\",\"class B { \\\"<&>\\\" }\",null],"
                + "\"names\":[],\"mappings\":\";;AAAA\"}", map);
        assertThrows(IllegalStateException.class, () -> shifter.mapFor("out.js", "// oneCORE\n", "CORE\n"));
    }
}
