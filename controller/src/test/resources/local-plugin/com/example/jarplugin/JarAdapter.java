package com.example.jarplugin;

/** The plugin's adapter: says it started, from which class, then waits to be stopped. */
public final class JarAdapter {

    private JarAdapter() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("jar adapter started: " + JarAdapter.class.getName() + " ARN=" + System.getenv("ARN"));
        System.out.flush();
        Thread.sleep(120_000);
    }
}
