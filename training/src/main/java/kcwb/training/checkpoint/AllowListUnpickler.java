package kcwb.training.checkpoint;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler restricted to what a torch state dict needs. Every opcode that names a Python
 * global (GLOBAL, STACK_GLOBAL, INST) is resolved against {@link #ALLOWED} only, never against
 * Pyrolite's JVM-wide constructor registry, and BUILD ({@code __setstate__}) is accepted only on an
 * OrderedDict. Anything else raises {@link UnsafePickleException} naming the global.
 */
final class AllowListUnpickler extends Unpickler {
    /** Thrown for a global or opcode a state dict never needs; the message names it. */
    static final class UnsafePickleException extends PickleException {
        UnsafePickleException(String message) {
            super(message);
        }
    }

    /** A torch storage type global ({@code torch.FloatStorage}); appears inside persistent ids. */
    record StorageType(ElementType elementType) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new UnsafePickleException("a torch storage type is not callable in a state dict");
        }
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, ...)}, before materialising. */
    record TensorRef(Object storage, long offset, long[] size, long[] stride) {}

    /** {@code collections.OrderedDict}; a LinkedHashMap so file order survives. */
    static final class OrderedDict extends LinkedHashMap<Object, Object> {}

    private static final Map<String, IObjectConstructor> ALLOWED = allowed();
    private final Function<Object, Object> persistentLoader;

    AllowListUnpickler(Function<Object, Object> persistentLoader) {
        this.persistentLoader = persistentLoader;
    }

    private static Map<String, IObjectConstructor> allowed() {
        Map<String, IObjectConstructor> map = new HashMap<>();
        map.put("collections.OrderedDict", args -> new OrderedDict());
        map.put("torch._utils._rebuild_tensor_v2", AllowListUnpickler::rebuildTensor);
        map.put("torch._utils._rebuild_tensor", AllowListUnpickler::rebuildTensor);
        map.put("torch._utils._rebuild_parameter", args -> args[0]);
        map.put("torch._utils._rebuild_parameter_with_state", args -> args[0]);
        Map<String, ElementType> storages = Map.of("FloatStorage", ElementType.F32, "HalfStorage", ElementType.F16,
                "BFloat16Storage", ElementType.BF16, "DoubleStorage", ElementType.F64, "LongStorage", ElementType.I64,
                "IntStorage", ElementType.I32, "ShortStorage", ElementType.I16, "CharStorage", ElementType.I8,
                "ByteStorage", ElementType.U8, "BoolStorage", ElementType.BOOL);
        storages.forEach((name, type) -> map.put("torch." + name, new StorageType(type)));
        return Map.copyOf(map);
    }

    private static Object rebuildTensor(Object[] args) {
        if (args.length < 4) {
            throw new PickleException("_rebuild_tensor_v2 needs (storage, offset, size, stride), got " + args.length + " args");
        }
        return new TensorRef(args[0], toLong(args[1]), toLongs(args[2]), toLongs(args[3]));
    }

    static long toLong(Object value) {
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            if (value instanceof java.math.BigInteger big) {
                return big.longValueExact();
            }
            return number.longValue();
        }
        throw new PickleException("expected an integer, found " + describe(value));
    }

    private static long[] toLongs(Object value) {
        if (!(value instanceof Object[] tuple)) {
            throw new PickleException("expected a tuple of integers, found " + describe(value));
        }
        long[] result = new long[tuple.length];
        for (int i = 0; i < tuple.length; i++) {
            result[i] = toLong(tuple[i]);
        }
        return result;
    }

    static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }

    @Override
    protected Object dispatch(short opcode) throws PickleException, IOException {
        switch (opcode) {
            case Opcodes.GLOBAL -> {
                String module = readLine();
                String name = readLine();
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                stack.add(resolve(String.valueOf(module), String.valueOf(name)));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST -> throw new UnsafePickleException("refused INST opcode for global '"
                    + PickleUtils.readline(input) + "." + PickleUtils.readline(input) + "'");
            case Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 ->
                    throw new UnsafePickleException("refused extension-registry opcode (EXT*): a state dict never uses it");
            case Opcodes.BUILD -> {
                stack.pop(); // the state
                Object target = stack.peek();
                if (!(target instanceof OrderedDict)) {
                    throw new UnsafePickleException("refused __setstate__ on " + describe(target));
                }
                // The state is the dict's __dict__ (torch's _metadata: module versions), not needed here.
                return NO_RETURN_VALUE;
            }
            default -> {
                return super.dispatch(opcode);
            }
        }
    }

    /** A GLOBAL operand line; one cut off by the end of the file is truncation, not a strange global. */
    private String readLine() throws IOException {
        String line = PickleUtils.readline(input, true);
        if (!line.endsWith("\n")) {
            throw new PickleException("pickle truncated inside a GLOBAL opcode");
        }
        return line.substring(0, line.length() - 1);
    }

    private static IObjectConstructor resolve(String module, String name) {
        IObjectConstructor constructor = ALLOWED.get(module + "." + name);
        if (constructor == null) {
            throw new UnsafePickleException("refused to load global '" + module + "." + name
                    + "': a state dict needs only OrderedDict, torch._utils._rebuild_tensor_v2 and torch storage types"
                    + " (the file may be malicious, or is not a plain state dict)");
        }
        return constructor;
    }

    @Override
    protected Object persistentLoad(Object pid) {
        return persistentLoader.apply(pid);
    }
}
