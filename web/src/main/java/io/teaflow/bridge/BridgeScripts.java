package io.teaflow.bridge;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * The bridge's JavaScript that is more than a line, written as real code in
 * {@code web/src/main/js/bridge-scripts.js} and installed once per loaded backend by the entry
 * script ({@link TeaflowModule#installBridgeScripts}). Each method is a call of that object's
 * function of the same name; see there for what each does.
 */
interface BridgeScripts extends JSObject {
    /** The installed scripts (set before any other call into the bridge). */
    final class Installed {
        static BridgeScripts scripts;

        private Installed() {
        }
    }

    static BridgeScripts get() {
        return Installed.scripts;
    }

    String describe(JSObject value);

    String messageOf(JSObject error);

    JSObject read(JSObject object, String key, String where);

    JSObject readOrHold(JSObject object, String key, JSObject holder);

    JSObject readIndexOrHold(JSObject array, int index, JSObject holder);

    JSArray<JSString> ownKeys(JSObject object, String where);

    JSObject newNameTable();

    JSObject ownKeyCodes(JSObject object, String where, JSObject table);

    int readProcess(JSObject processes, int i, JSObject table, JSObject out, JSObject holder);

    double readEndpoint(JSObject endpoint, JSObject table, JSObject out, JSObject holder);

    void write(JSObject object, String key, JSObject value, String where);

    boolean hasOwn(JSObject object, String key, String where);

    void deleteKey(JSObject object, String key, String where);

    int lengthOf(JSObject array, String where);

    void spliceAt(JSObject array, int index, int removing, boolean inserting, JSObject value, String where);

    int identityOf(JSObject value);

    JSObject copyJson(JSObject value);

    JSObject copyStateJson(JSObject map, boolean skipping);

    JSObject entriesObject(JSObject map);

    String typeOfEntry(JSObject map, String key);

    boolean appendTo(JSObject map, JSString key, JSObject value);

    JSObject makeSend(JSArray<JSString> outports, JSObject node, ActorRunContext.Undeclared undeclared,
            ActorRunContext.NotOutputs notOutputs, ActorRunContext.Unreadable unreadable);

    /** A constructor: {@code new maker(value)} is a fresh {@code {[port]: value}} (see bridge-scripts.js). */
    JSObject inputMaker(JSString port);

    /** A node's runner, which {@link JsActor} calls (bridge-scripts.js makeRunner). */
    JSObject makeRunner(JSObject actor, boolean legacy, JSObject context, JSObject send, JSObject outcome);

    void whenSettled(JSObject thenable, JsActor.Settled settled, JsActor.Failed failed);

    /** Sets {@code actor.state}; null when done, else why it could not (bridge-scripts.js). */
    String defineState(JSObject actor, JSObject state);

    JSObject legacyStateView(JSObject handle);

    boolean isActor(JSObject actor);

    JSObject instantiate(JSObject actor, JSObject holder);

    /** Whether {@code declared} is an array of exactly the strings in {@code last} (bridge-scripts.js). */
    boolean samePortNames(JSObject declared, JSArray<JSString> last);

    boolean isLegacyRun(JSObject run);

    JSObject callOrHold3(JSObject fn, JSObject first, JSObject second, JSObject third, JSObject holder);

    JSObject newPoster(JsHost.Task task);

    Deferred deferred();
}
