package kcwb.app.cli;

import kcwb.app.service.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code kcwb --version}: the app's version, plus Java's. */
public final class KcwbVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "kcwb " + AppVersion.version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
