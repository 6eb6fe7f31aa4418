package kcwb.app.service;

/** The app's version from the jar manifest ("dev" when run from classes), for the About dialog and the CLI. */
public final class AppVersion {
    private AppVersion() {}

    public static String version() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
