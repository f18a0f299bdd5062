package nl.lekwacht.web;

import io.javalin.config.JavalinConfig;

/**
 * A group of routes (health, hold pages, register, API) that adds itself to the web server's
 * configuration. Javalin 7 takes every route before it starts, so modules are collected by the
 * web side's entry ({@link WebSide}) and installed together.
 */
@FunctionalInterface
public interface WebModule {

    void install(JavalinConfig config);
}
