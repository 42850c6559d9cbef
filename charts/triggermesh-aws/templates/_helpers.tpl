{{/* Name of every object of the controller: triggermesh-controller, as in the user guide. */}}
{{- define "triggermesh.fullname" -}}
{{- default "triggermesh-controller" .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "triggermesh.selectorLabels" -}}
app.kubernetes.io/name: triggermesh-controller
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "triggermesh.labels" -}}
{{ include "triggermesh.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: controller
app.kubernetes.io/part-of: triggermesh-aws
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "triggermesh.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "triggermesh.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "triggermesh.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/* Whether extra plugin jars are mounted. */}}
{{- define "triggermesh.hasPluginDirectory" -}}
{{- if or .Values.plugins.jarImages .Values.plugins.volume -}}true{{- end -}}
{{- end -}}

{{/*
The plugin kinds the controller reconciles, as YAML: a map from API group to a sorted list of plurals. The bundled
kinds are read from the chart's own CRDs (generated from the connectors' Java model), added kinds from
plugins.extraKinds, so no template lists connectors.
*/}}
{{- define "triggermesh.pluginKinds" -}}
{{- $groups := dict -}}
{{- range $path, $_ := .Files.Glob "crds/*.yaml" -}}
{{- $crd := $.Files.Get $path | fromYaml -}}
{{- $plurals := get $groups $crd.spec.group | default list -}}
{{- $_ := set $groups $crd.spec.group (append $plurals $crd.spec.names.plural) -}}
{{- end -}}
{{- range .Values.plugins.extraKinds -}}
{{- $group := required "plugins.extraKinds[].group is required" .group -}}
{{- $plurals := get $groups $group | default list -}}
{{- $_ := set $groups $group (append $plurals (required "plugins.extraKinds[].plural is required" .plural)) -}}
{{- end -}}
{{- range $group, $plurals := $groups -}}
{{- $_ := set $groups $group ($plurals | uniq | sortAlpha) -}}
{{- end -}}
{{- toYaml $groups -}}
{{- end -}}

{{/*
The controller's rules in the namespaces it watches: exactly the calls it makes (docs/install.md, "What the
controller may do"). No wildcard, and no list or watch of Secrets: it reads only the Secrets objects name, with get.
*/}}
{{- define "triggermesh.controllerRules" -}}
{{- $kinds := include "triggermesh.pluginKinds" . | fromYaml -}}
{{- range $group, $plurals := $kinds }}
# The connector objects: watched, finalizer added and removed (update), status written.
- apiGroups: [{{ $group | quote }}]
  resources: [{{ range $i, $p := $plurals }}{{ if $i }}, {{ end }}{{ $p | quote }}{{ end }}]
  verbs: ["get", "list", "watch", "update"]
- apiGroups: [{{ $group | quote }}]
  resources: [{{ range $i, $p := $plurals }}{{ if $i }}, {{ end }}{{ printf "%s/status" $p | quote }}{{ end }}]
  verbs: ["update"]
# Owner references with blockOwnerDeletion on what the controller creates for an object.
- apiGroups: [{{ $group | quote }}]
  resources: [{{ range $i, $p := $plurals }}{{ if $i }}, {{ end }}{{ printf "%s/finalizers" $p | quote }}{{ end }}]
  verbs: ["update"]
{{- end }}
# Adapter workloads: Deployments always, Services for targets (deleted when a target stops needing one). A
# Deployment is deleted only when its object controls it and it has the name a dotted object had before names
# were made collision-free (docs/architecture.md, "Names of owned objects").
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# ServiceAccounts of iam objects: created, shared, released; watched (by label) to repair drift.
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# Tokens for an object's ServiceAccount, exchanged with STS so the controller acts as the object's role.
- apiGroups: [""]
  resources: ["serviceaccounts/token"]
  verbs: ["create"]
{{- if .Values.controller.identityCheck }}
# Pods: the controller's own adapter pods (by label), listed only to bind the token an EKS Pod Identity identity
# check presents to a running pod of the ServiceAccount, as the agent requires. Without identity checks
# (controller.identityCheck=false) the controller has no reason to see pods, so the rule is left out.
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list"]
{{- end }}
# Secrets: get the ones objects reference; create, update and delete the owned Secret of literal credentials.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- range .Values.rbac.sinkKinds }}
# Sinks: status.address.url of the Addressable a source names.
- apiGroups: [{{ .apiGroup | quote }}]
  resources: [{{ range $i, $r := .resources }}{{ if $i }}, {{ end }}{{ $r | quote }}{{ end }}]
  verbs: ["get"]
{{- end }}
{{- end -}}

{{- define "triggermesh.joined" -}}
{{- join "," . -}}
{{- end -}}
