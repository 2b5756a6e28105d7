package io.teaflow.bridge;

import io.teaflow.components.BuiltInComponents;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSExportClasses;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * What TeaVM exports: the classes {@code Network} and {@code LiveMemoryStateHandle}, and the
 * statics the entry script (web/src/main/js) needs to build the public {@code Api}. Nothing here
 * is public API by itself; the entry script decides what users see.
 */
@JSExportClasses({ JsNetwork.class, LiveMemoryStateHandle.class })
public final class TeaflowModule {
    private TeaflowModule() {
    }

    /** The names of the built-in Java components. */
    @JSExport
    public static JSArray<JSString> components() {
        JSArray<JSString> names = new JSArray<>();
        for (String name : BuiltInComponents.all().keySet()) {
            names.push(JSString.valueOf(name));
        }
        return names;
    }
}
