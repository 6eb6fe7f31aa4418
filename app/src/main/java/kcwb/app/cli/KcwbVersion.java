package kcwb.app.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code kcwb --version}: the version from the jar manifest, plus Java's. */
public final class KcwbVersion implements IVersionProvider {
    public static String version() {
        String version = KcwbVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "kcwb " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
