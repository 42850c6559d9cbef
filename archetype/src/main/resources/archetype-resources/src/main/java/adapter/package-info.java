/** The ${kind} adapter program, run by adapter-runtime's launcher in the adapter image and in local mode. */
package ${package}.adapter;
