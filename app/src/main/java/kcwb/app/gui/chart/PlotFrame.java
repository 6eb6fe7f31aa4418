package kcwb.app.gui.chart;

/**
 * Where the plot sits on the canvas and which steps/values it spans; maps data to pixels and back.
 * {@code left/top/width/height} are the plot rectangle inside the axes, in canvas pixels.
 */
record PlotFrame(double left, double top, double width, double height,
        double fromStep, double toStep, double minValue, double maxValue) {

    double x(double step) {
        return left + (step - fromStep) / (toStep - fromStep) * width;
    }

    double y(double value) {
        return top + height - (value - minValue) / (maxValue - minValue) * height;
    }

    double stepAt(double x) {
        return fromStep + (x - left) / width * (toStep - fromStep);
    }

    boolean contains(double x, double y) {
        return x >= left && x <= left + width && y >= top && y <= top + height;
    }

    /** A span that is never empty: a single step or value is padded so it sits inside the plot. */
    static double[] padded(double min, double max, double fraction) {
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new double[] {min - pad, max + pad};
        }
        double pad = (max - min) * fraction;
        return new double[] {min - pad, max + pad};
    }
}
